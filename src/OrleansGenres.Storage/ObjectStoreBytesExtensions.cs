using System.Runtime.InteropServices;

namespace OrleansGenres.Storage;

/// <summary>Whole objects as byte arrays: for small objects only, the content is read into memory.</summary>
public static class ObjectStoreBytesExtensions
{
    /// <summary>The content and its ETag, or null when absent.</summary>
    public static async Task<VersionedValue<byte[]>?> GetBytesAsync(this IObjectStore store, string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        StoredObject? stored = await store.GetAsync(key, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await using (stored.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream(stored.Properties.Length is > 0 and <= int.MaxValue ? (int)stored.Properties.Length : 0);
            await stored.Content.CopyToAsync(buffer, ct).ConfigureAwait(false);
            return new VersionedValue<byte[]>(buffer.ToArray(), stored.Properties.ETag);
        }
    }

    public static async Task<ObjectProperties> PutBytesAsync(
        this IObjectStore store, string key, ReadOnlyMemory<byte> content, PutOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        using MemoryStream stream = MemoryMarshal.TryGetArray(content, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        return await store.PutAsync(key, stream, options, ct).ConfigureAwait(false);
    }
}
