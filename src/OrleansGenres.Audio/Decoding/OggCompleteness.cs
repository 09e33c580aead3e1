namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// Detects an Ogg file (Vorbis, Opus, FLAC-in-Ogg) that was cut short. ffmpeg silently drops an incomplete last
/// page and Ogg has no total length in its header, so the file's last page is checked directly: it must be
/// whole and carry the end-of-stream flag.
/// </summary>
internal static class OggCompleteness
{
    private const int TailBytes = 128 * 1024;
    private const byte EndOfStreamFlag = 0x04;

    /// <summary>A reason the file is incomplete, or null when it is whole (or not an Ogg file at all).</summary>
    public static string? FindTruncation(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        if (file.Read(magic) < 4 || !magic.SequenceEqual("OggS"u8))
        {
            return null;
        }

        var tailLength = (int)Math.Min(file.Length, TailBytes);
        var tail = new byte[tailLength];
        file.Seek(-tailLength, SeekOrigin.End);
        file.ReadExactly(tail);
        var lastPage = tail.AsSpan().LastIndexOf("OggS"u8);
        if (lastPage < 0 || lastPage + 27 > tail.Length)
        {
            return "the last Ogg page is incomplete";
        }

        var page = tail.AsSpan(lastPage);
        int segments = page[26];
        if (27 + segments > page.Length)
        {
            return "the last Ogg page is incomplete";
        }

        var bodyLength = 0;
        foreach (var lacing in page.Slice(27, segments))
        {
            bodyLength += lacing;
        }

        var pageLength = 27 + segments + bodyLength;
        if (pageLength > page.Length)
        {
            return "the last Ogg page is incomplete";
        }

        return (page[5] & EndOfStreamFlag) == 0 ? "the Ogg stream ends without its end-of-stream page" : null;
    }
}
