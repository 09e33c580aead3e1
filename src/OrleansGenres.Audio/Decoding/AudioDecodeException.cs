namespace OrleansGenres.Audio.Decoding;

/// <summary>Audio could not be decoded; <see cref="Kind"/> says why in a form code can act on.</summary>
public sealed class AudioDecodeException(DecodeErrorKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public DecodeErrorKind Kind { get; } = kind;
}
