namespace OrleansGenres.Audio.Decoding;

/// <summary>The checks every decoder makes before it starts, so both give the same errors for the same requests.</summary>
internal static class DecoderInput
{
    /// <summary>A readable, non-empty file: <see cref="DecodeErrorKind.NotFound"/> or <see cref="DecodeErrorKind.Empty"/> otherwise.</summary>
    public static void CheckFile(string path, int sampleRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckSampleRate(sampleRate);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new AudioDecodeException(DecodeErrorKind.NotFound, $"{path}: file not found");
        }

        if (info.Length == 0)
        {
            throw new AudioDecodeException(DecodeErrorKind.Empty, $"{path}: the file is empty (0 bytes)");
        }
    }

    public static void CheckStream(Stream encoded, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        CheckSampleRate(sampleRate);
    }

    private static void CheckSampleRate(int sampleRate)
    {
        if (sampleRate is < 1000 or > 384_000)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must be between 1000 and 384000 Hz");
        }
    }
}
