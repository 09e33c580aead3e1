using OrleansGenres.Audio.Pcm;

namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// Decodes with ffmpeg as a child process (the registry has no NAudio; ffmpeg reads every common format and
/// resamples in the same pass). Each open starts one process that lives as long as the returned source.
/// </summary>
public sealed class FfmpegDecoder(FfmpegOptions options) : IAudioDecoder
{
    public FfmpegDecoder()
        : this(new FfmpegOptions())
    {
    }

    public IPcmSource OpenFile(string path, int sampleRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ValidateSampleRate(sampleRate);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new AudioDecodeException(DecodeErrorKind.NotFound, $"{path}: file not found");
        }

        if (info.Length == 0)
        {
            throw new AudioDecodeException(DecodeErrorKind.Empty, $"{path}: the file is empty (0 bytes)");
        }

        return FfmpegPcmSource.StartFile(options, path, sampleRate);
    }

    public IPcmSource OpenStream(Stream encoded, int sampleRate, string label = "stream")
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ValidateSampleRate(sampleRate);
        return FfmpegPcmSource.StartStream(options, label, encoded, sampleRate);
    }

    private static void ValidateSampleRate(int sampleRate)
    {
        if (sampleRate is < 1000 or > 384_000)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must be between 1000 and 384000 Hz");
        }
    }
}
