namespace OrleansGenres.Storage;

/// <summary>An object read from the store: its content as a stream (owned by this instance) and its properties.</summary>
public sealed class StoredObject(Stream content, ObjectProperties properties) : IAsyncDisposable
{
    public Stream Content { get; } = content ?? throw new ArgumentNullException(nameof(content));

    public ObjectProperties Properties { get; } = properties ?? throw new ArgumentNullException(nameof(properties));

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
