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
        DecoderInput.CheckFile(path, sampleRate);
        return FfmpegPcmSource.StartFile(options, path, sampleRate);
    }

    public IPcmSource OpenStream(Stream encoded, int sampleRate, string label = "stream")
    {
        DecoderInput.CheckStream(encoded, sampleRate);
        return FfmpegPcmSource.StartStream(options, label, encoded, sampleRate);
    }
}
