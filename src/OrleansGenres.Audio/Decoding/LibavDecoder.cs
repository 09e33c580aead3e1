using OrleansGenres.Audio.Pcm;

namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// Decodes inside this process with libavformat/libavcodec/libswresample through the native bridge: the same
/// samples as <see cref="FfmpegDecoder"/> (bit for bit: the same library code the ffmpeg command line runs), the same
/// <see cref="DecodeErrorKind"/> for the same bad inputs, without starting a process per input. The default decoder
/// (<see cref="AudioDecoders"/>). Streams are copied to a temporary file first (<see cref="SpooledInput"/>).
/// </summary>
public sealed class LibavDecoder(LibavOptions options) : IAudioDecoder
{
    public LibavDecoder()
        : this(new LibavOptions())
    {
    }

    public IPcmSource OpenFile(string path, int sampleRate)
    {
        DecoderInput.CheckFile(path, sampleRate);
        return LibavPcmSource.ForFile(options, path, sampleRate);
    }

    public IPcmSource OpenStream(Stream encoded, int sampleRate, string label = "stream")
    {
        DecoderInput.CheckStream(encoded, sampleRate);
        return LibavPcmSource.ForStream(options, label, encoded, sampleRate);
    }
}
