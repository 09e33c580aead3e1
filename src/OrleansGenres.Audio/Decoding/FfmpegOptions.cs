namespace OrleansGenres.Audio.Decoding;

/// <summary>Where the ffmpeg tools are and how strict decoding is.</summary>
public sealed record FfmpegOptions
{
    /// <summary>The ffmpeg executable: a name looked up on PATH or a full path.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>The ffprobe executable (ships in the same Debian package as ffmpeg).</summary>
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>
    /// When true, corrupt packets or a file cut short fail with <see cref="DecodeErrorKind.Truncated"/> once the
    /// stream has been read; when false, the samples that could be decoded are kept.
    /// </summary>
    public bool FailOnCorruption { get; init; } = true;

    /// <summary>Bytes of each read from ffmpeg's output pipe.</summary>
    public int ReadBufferBytes { get; init; } = 256 * 1024;
}
