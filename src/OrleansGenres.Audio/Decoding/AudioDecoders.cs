namespace OrleansGenres.Audio.Decoding;

/// <summary>The one place a decoder is chosen: the CLI, tagging and the feature cache take theirs from here.</summary>
public static class AudioDecoders
{
    /// <summary>Set <c>GENRES_DECODER=ffmpeg</c> to use the ffmpeg child process where no kind is given.</summary>
    public const string EnvironmentVariable = "GENRES_DECODER";

    /// <summary>In-process unless <see cref="EnvironmentVariable"/> says <c>ffmpeg</c>.</summary>
    public static DecoderKind DefaultKind =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { } value && ParseKind(value) is { } kind ? kind : DecoderKind.InProcess;

    /// <summary>A decoder of <paramref name="kind"/> (default: <see cref="DefaultKind"/>) that fails on corrupt input.</summary>
    public static IAudioDecoder Create(DecoderKind? kind = null) => (kind ?? DefaultKind) switch
    {
        DecoderKind.InProcess => new LibavDecoder(),
        DecoderKind.FfmpegProcess => new FfmpegDecoder(),
        var other => throw new ArgumentOutOfRangeException(nameof(kind), other, "unknown decoder kind"),
    };

    /// <summary>"in-process"/"inprocess"/"libav" or "ffmpeg"/"ffmpeg-process"/"ffmpegprocess" (any case); null otherwise.</summary>
    public static DecoderKind? ParseKind(string value) => value.Trim().Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "INPROCESS" or "LIBAV" => DecoderKind.InProcess,
        "FFMPEG" or "FFMPEGPROCESS" => DecoderKind.FfmpegProcess,
        _ => null,
    };
}
