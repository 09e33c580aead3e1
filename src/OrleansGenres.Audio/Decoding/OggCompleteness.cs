namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// Detects an Ogg input (Vorbis, Opus, FLAC-in-Ogg) that was cut short. ffmpeg silently drops an incomplete last
/// page and Ogg has no total length in its header, so the input's last page is checked directly: it must be
/// whole and carry the end-of-stream flag.
/// </summary>
internal static class OggCompleteness
{
    /// <summary>How much of the input's end is needed: more than one Ogg page (at most 65,307 bytes).</summary>
    public const int TailBytes = 128 * 1024;

    private const byte EndOfStreamFlag = 0x04;

    public static string? FindTruncation(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        var headLength = file.Read(head);
        if (!head[..headLength].StartsWith("OggS"u8))
        {
            return null; // not Ogg: no need to read the tail
        }

        var tail = new byte[(int)Math.Min(file.Length, TailBytes)];
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        return FindTruncation(head[..headLength], tail);
    }

    /// <summary>A reason the input is incomplete, or null when it is whole or not an Ogg stream at all.</summary>
    /// <param name="head">The input's first bytes (at least 4).</param>
    /// <param name="tail">The input's last bytes (up to <see cref="TailBytes"/>).</param>
    public static string? FindTruncation(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        if (!head.StartsWith("OggS"u8))
        {
            return null;
        }

        var lastPage = tail.LastIndexOf("OggS"u8);
        if (lastPage < 0 || lastPage + 27 > tail.Length)
        {
            return "the last Ogg page is incomplete";
        }

        var page = tail[lastPage..];
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

        if (27 + segments + bodyLength > page.Length)
        {
            return "the last Ogg page is incomplete";
        }

        return (page[5] & EndOfStreamFlag) == 0 ? "the Ogg stream ends without its end-of-stream page" : null;
    }
}
