using OrleansGenres.Storage.Local;
using OrleansGenres.Storage.Tests.Contract;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Local;

/// <summary>The work queue contract on the Local backend, each test on a fresh data folder.</summary>
public sealed class LocalWorkQueueTests : WorkQueueContract
{
    private readonly TempDirectory _folder = new("storage");

    protected override IStorageProvider CreateProvider() => new LocalStorageProvider(new LocalStorageOptions { Path = _folder.Path });

    protected override Task CleanUpAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
