namespace OrleansGenres.Storage;

/// <summary>
/// One flat namespace of objects addressed by keys such as <c>tracks/acme/3f2a.json</c> (see <see cref="ObjectKey"/>;
/// invalid keys throw <see cref="ArgumentException"/>). Every write gives the object a new <see cref="ETag"/>, and
/// writes and deletes can be made conditional on it: the building block for optimistic concurrency.
/// </summary>
public interface IObjectStore
{
    /// <summary>The object's content and properties, or null when there is no object at the key.</summary>
    Task<StoredObject?> GetAsync(string key, CancellationToken ct = default);

    /// <summary>The object's properties, or null when there is no object at the key.</summary>
    Task<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// Writes (creates or replaces) the object. <see cref="PreconditionFailedException"/> when a condition in
    /// <paramref name="options"/> does not hold (including "already exists" for create-only).
    /// </summary>
    Task<ObjectProperties> PutAsync(string key, Stream content, PutOptions? options = null, CancellationToken ct = default);

    /// <summary>
    /// Deletes the object: false when there was none. <see cref="PreconditionFailedException"/> when
    /// <paramref name="ifMatch"/> is not the current ETag.
    /// </summary>
    Task<bool> DeleteAsync(string key, ETag? ifMatch = null, CancellationToken ct = default);

    /// <summary>Every object whose key starts with <paramref name="prefix"/> (plain string prefix), ordered by key.</summary>
    IAsyncEnumerable<ObjectProperties> ListAsync(string prefix, CancellationToken ct = default);
}
