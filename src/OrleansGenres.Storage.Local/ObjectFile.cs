using System.Buffers.Binary;
using System.Text.Json;

namespace OrleansGenres.Storage.Local;

/// <summary>
/// One object in one file, so a single rename replaces content and properties together:
/// <c>"GOB1"</c>, the header's length (int32, little-endian), the header (UTF-8 JSON: ETag, content type, last
/// modified, metadata), then the content bytes.
/// </summary>
internal static class ObjectFile
{
    private const int PrefixLength = 8;
    private const int MaxHeaderLength = 1 << 20;

    private static ReadOnlySpan<byte> Magic => "GOB1"u8;

    /// <summary>Writes a new file (it must not exist) and returns the content's length.</summary>
    public static async Task<long> WriteAsync(string path, ObjectFileHeader header, Stream content, bool flushToDisk, CancellationToken ct)
    {
        byte[] headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, LocalJsonContext.Default.ObjectFileHeader);
        byte[] prefix = new byte[PrefixLength];
        Magic.CopyTo(prefix);
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(4), headerBytes.Length);

        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(prefix, ct).ConfigureAwait(false);
            await file.WriteAsync(headerBytes, ct).ConfigureAwait(false);
            long start = file.Position;
            await content.CopyToAsync(file, ct).ConfigureAwait(false);
            long length = file.Position - start;
            await file.FlushAsync(ct).ConfigureAwait(false);
            if (flushToDisk)
            {
                file.Flush(flushToDisk: true);
            }

            return length;
        }
    }

    /// <summary>The open file positioned at its content, or null when there is no file.</summary>
    public static async Task<OpenedObjectFile?> TryOpenAsync(string path, CancellationToken ct)
    {
        FileStream file;
        try
        {
            // Share everything: a writer renames a new file over this one while we read the old one's inode.
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 64 * 1024);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            byte[] prefix = new byte[PrefixLength];
            await file.ReadExactlyAsync(prefix, ct).ConfigureAwait(false);
            int headerLength = BinaryPrimitives.ReadInt32LittleEndian(prefix.AsSpan(4));
            if (!prefix.AsSpan(0, 4).SequenceEqual(Magic) || headerLength is <= 0 or > MaxHeaderLength || PrefixLength + headerLength > file.Length)
            {
                throw new StorageException($"'{path}' is not an object file.");
            }

            byte[] headerBytes = new byte[headerLength];
            await file.ReadExactlyAsync(headerBytes, ct).ConfigureAwait(false);
            ObjectFileHeader header = JsonSerializer.Deserialize(headerBytes, LocalJsonContext.Default.ObjectFileHeader)
                ?? throw new StorageException($"'{path}' has an empty header.");
            long contentOffset = PrefixLength + headerLength;
            return new OpenedObjectFile(file, header, contentOffset, file.Length - contentOffset);
        }
        catch (Exception e)
        {
            await file.DisposeAsync().ConfigureAwait(false);
            if (e is EndOfStreamException or JsonException)
            {
                throw new StorageException($"'{path}' is damaged.", e);
            }

            throw;
        }
    }

    /// <summary>Just the header (for conditions and listings), or null when there is no file.</summary>
    public static async Task<(ObjectFileHeader Header, long Length)?> TryReadHeaderAsync(string path, CancellationToken ct)
    {
        OpenedObjectFile? opened = await TryOpenAsync(path, ct).ConfigureAwait(false);
        if (opened is null)
        {
            return null;
        }

        await opened.File.DisposeAsync().ConfigureAwait(false);
        return (opened.Header, opened.ContentLength);
    }
}
