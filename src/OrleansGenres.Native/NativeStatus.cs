namespace OrleansGenres.Native;

/// <summary>Status codes of the C ABI (gn_status in genres_native.h).</summary>
public enum NativeStatus
{
    Ok = 0,
    InvalidArgument = 1,
    OutOfMemory = 2,
    BufferTooSmall = 4,

    /// <summary>Audio decoding: 0 bytes, or no samples decoded.</summary>
    DecodeEmpty = 10,

    /// <summary>Audio decoding: not a format libav reads, or a broken header.</summary>
    DecodeInvalidData = 11,

    /// <summary>Audio decoding: readable, but without an audio stream.</summary>
    DecodeNoAudioStream = 12,

    /// <summary>Audio decoding: cut short, or corrupt packets.</summary>
    DecodeTruncated = 13,

    /// <summary>Audio decoding: the file does not exist or cannot be read.</summary>
    DecodeNotFound = 14,

    /// <summary>Audio decoding: any other failure, in libav's words.</summary>
    DecodeFailed = 15,
    UnknownError = 99,
}
