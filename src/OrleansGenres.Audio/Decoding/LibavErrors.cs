using OrleansGenres.Native;

namespace OrleansGenres.Audio.Decoding;

/// <summary>Turns a failed gn_decoder_* status into the exception callers act on.</summary>
internal static class LibavErrors
{
    /// <summary>
    /// An <see cref="AudioDecodeException"/> for the GN_DECODE_* statuses (the native message, after the input's
    /// label); a <see cref="NativeException"/> for the others, which mean a bug or no memory rather than bad input.
    /// </summary>
    public static Exception FromStatus(int status, string label)
    {
        var message = NativeCall.LastErrorMessage() is { Length: > 0 } text ? text : $"decoding failed ({(NativeStatus)status})";
        DecodeErrorKind? kind = (NativeStatus)status switch
        {
            NativeStatus.DecodeEmpty => DecodeErrorKind.Empty,
            NativeStatus.DecodeInvalidData => DecodeErrorKind.InvalidData,
            NativeStatus.DecodeNoAudioStream => DecodeErrorKind.NoAudioStream,
            NativeStatus.DecodeTruncated => DecodeErrorKind.Truncated,
            NativeStatus.DecodeNotFound => DecodeErrorKind.NotFound,
            NativeStatus.DecodeFailed => DecodeErrorKind.DecoderFailed,
            _ => null,
        };
        return kind is { } k
            ? new AudioDecodeException(k, $"{label}: {message}")
            : new NativeException((NativeStatus)status, $"{label}: {message}");
    }
}
