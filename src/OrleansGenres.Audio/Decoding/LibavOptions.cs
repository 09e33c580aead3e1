namespace OrleansGenres.Audio.Decoding;

/// <summary>How strict the in-process decoder is.</summary>
public sealed record LibavOptions
{
    /// <summary>
    /// When true, corrupt packets or a file cut short fail with <see cref="DecodeErrorKind.Truncated"/> once the
    /// stream has been read; when false, the samples that could be decoded are kept (as <see cref="FfmpegOptions.FailOnCorruption"/>).
    /// </summary>
    public bool FailOnCorruption { get; init; } = true;
}
