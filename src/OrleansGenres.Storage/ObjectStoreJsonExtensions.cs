using System.Text.Json;

namespace OrleansGenres.Storage;

/// <summary>JSON documents on an <see cref="IObjectStore"/>: read with ETag, conditional write, read-modify-write.</summary>
public static class ObjectStoreJsonExtensions
{
    /// <summary>The document and its ETag, or null when absent. A stored JSON <c>null</c> is an error.</summary>
    public static async Task<VersionedValue<T>?> GetJsonAsync<T>(
        this IObjectStore store, string key, JsonSerializerOptions? json = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        StoredObject? stored = await store.GetAsync(key, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await using (stored.ConfigureAwait(false))
        {
            T? value = await JsonSerializer.DeserializeAsync<T>(stored.Content, json ?? StorageJson.Options, ct).ConfigureAwait(false);
            return value is null
                ? throw new StorageException($"Object '{key}' holds JSON null, not a {typeof(T).Name}.")
                : new VersionedValue<T>(value, stored.Properties.ETag);
        }
    }

    /// <summary>Writes the document (content type application/json unless <paramref name="options"/> names one).</summary>
    public static async Task<ObjectProperties> PutJsonAsync<T>(
        this IObjectStore store, string key, T value, PutOptions? options = null, JsonSerializerOptions? json = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(value, json ?? StorageJson.Options);
        options = (options ?? new PutOptions()) with { ContentType = options?.ContentType ?? StorageJson.ContentType };
        using var content = new MemoryStream(bytes, writable: false);
        return await store.PutAsync(key, content, options, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Read-modify-write with optimistic concurrency: reads the document (default when absent), applies
    /// <paramref name="update"/>, writes it conditionally (If-Match, or create-only) and starts again from the read
    /// when another writer got there first. <paramref name="update"/> may run several times, so keep it pure.
    /// </summary>
    public static async Task<VersionedValue<T>> UpdateJsonAsync<T>(
        this IObjectStore store,
        string key,
        Func<T?, T> update,
        int maxAttempts = 20,
        JsonSerializerOptions? json = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (int attempt = 1; ; attempt++)
        {
            VersionedValue<T>? current = await store.GetJsonAsync<T>(key, json, ct).ConfigureAwait(false);
            T next = update(current is null ? default : current.Value);
            var conditions = current is null ? new PutOptions { IfNoneMatch = true } : new PutOptions { IfMatch = current.ETag };
            try
            {
                ObjectProperties written = await store.PutJsonAsync(key, next, conditions, json, ct).ConfigureAwait(false);
                return new VersionedValue<T>(next, written.ETag);
            }
            catch (PreconditionFailedException) when (attempt < maxAttempts)
            {
                // Another writer won the race: back off a little (jittered so racers spread out) and re-read.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Read-decide-write on an existing document with optimistic concurrency: <paramref name="change"/> sees the current
    /// value and returns the next one, or null (or the same instance) to leave it as it is; the write is conditional on
    /// the ETag read, and a lost race reads and decides again. <paramref name="options"/> adds per-write options (e.g.
    /// metadata derived from the value). Returns the value as stored afterwards and whether this call wrote it; a null
    /// value when there is no document.
    /// </summary>
    public static async Task<(T? Value, bool Written)> MutateJsonAsync<T>(
        this IObjectStore store,
        string key,
        Func<T, T?> change,
        Func<T, PutOptions>? options = null,
        JsonSerializerOptions? json = null,
        int maxAttempts = 20,
        CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        for (int attempt = 1; ; attempt++)
        {
            VersionedValue<T>? current = await store.GetJsonAsync<T>(key, json, ct).ConfigureAwait(false);
            if (current is null)
            {
                return (null, false);
            }

            T? next = change(current.Value);
            if (next is null || ReferenceEquals(next, current.Value))
            {
                return (current.Value, false);
            }

            try
            {
                PutOptions conditions = (options?.Invoke(next) ?? new PutOptions()) with { IfMatch = current.ETag };
                await store.PutJsonAsync(key, next, conditions, json, ct).ConfigureAwait(false);
                return (next, true);
            }
            catch (PreconditionFailedException) when (attempt < maxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 * Math.Min(attempt, 10))), ct).ConfigureAwait(false);
            }
        }
    }
}
