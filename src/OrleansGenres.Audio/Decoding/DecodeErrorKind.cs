namespace OrleansGenres.Audio.Decoding;

/// <summary>Why audio could not be decoded. Stable names: the service stores them as a track's failure reason.</summary>
public enum DecodeErrorKind
{
    /// <summary>The input has no bytes, or decodes to no samples.</summary>
    Empty,

    /// <summary>The bytes are not a format ffmpeg can read (random bytes, a text file, a broken header).</summary>
    InvalidData,

    /// <summary>The container is readable but has no audio stream (e.g. a video without sound).</summary>
    NoAudioStream,

    /// <summary>The audio ends early or has corrupt packets: the file was cut short or damaged.</summary>
    Truncated,

    /// <summary>The input file does not exist or cannot be read.</summary>
    NotFound,

    /// <summary>ffmpeg or ffprobe is not installed.</summary>
    DecoderMissing,

    /// <summary>ffmpeg failed for another reason; the message carries its own words.</summary>
    DecoderFailed,

    /// <summary>The audio lasts longer than the service's limit (declared by its header, or found while decoding).</summary>
    TooLong,
}
