namespace OrleansGenres.Storage.Tests.Contract;

/// <summary>
/// Base of the contract suites: each test gets a fresh, isolated provider from the backend under test (a new
/// folder for Local; a new container and queue prefix on a shared Azurite for Azure).
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    private IStorageProvider? _provider;

    protected IStorageProvider Provider => _provider ?? throw new InvalidOperationException("Not initialised.");

    protected IObjectStore Store => Provider.Objects;

    /// <summary>Isolated from every other test's provider.</summary>
    protected abstract IStorageProvider CreateProvider();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public Task InitializeAsync()
    {
        _provider = CreateProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        (_provider as IDisposable)?.Dispose();
        await CleanUpAsync();
    }

    protected static MemoryStream Bytes(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    protected async Task<string?> ReadTextAsync(string key)
    {
        StoredObject? stored = await Store.GetAsync(key);
        if (stored is null)
        {
            return null;
        }

        await using (stored)
        {
            using var reader = new StreamReader(stored.Content);
            return await reader.ReadToEndAsync();
        }
    }
}
