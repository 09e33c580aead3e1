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

        return LibavPcmSource.ForFile(options, path, sampleRate);
    }

    public IPcmSource OpenStream(Stream encoded, int sampleRate, string label = "stream")
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ValidateSampleRate(sampleRate);
        return LibavPcmSource.ForStream(options, label, encoded, sampleRate);
    }

    private static void ValidateSampleRate(int sampleRate)
    {
        if (sampleRate is < 1000 or > 384_000)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must be between 1000 and 384000 Hz");
        }
    }
}
