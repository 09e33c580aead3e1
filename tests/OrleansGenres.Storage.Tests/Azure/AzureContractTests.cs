using OrleansGenres.Storage.Azure;
using OrleansGenres.Storage.Tests.Contract;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Azure;

// The contract suites on the Azure backend against a real Azurite (one per suite, so the suites run in parallel);
// each test gets its own container and queue prefix.

public sealed class AzureObjectStoreTests(AzuriteFixture azurite) : ObjectStoreContract, IClassFixture<AzuriteFixture>
{
    protected override IStorageProvider CreateProvider() => AzureBackend.CreateIsolated(azurite);
}

public sealed class AzureLeaseTests(AzuriteFixture azurite) : LeaseContract, IClassFixture<AzuriteFixture>
{
    protected override IStorageProvider CreateProvider() => AzureBackend.CreateIsolated(azurite);
}

public sealed class AzureWorkQueueTests(AzuriteFixture azurite) : WorkQueueContract, IClassFixture<AzuriteFixture>
{
    protected override IStorageProvider CreateProvider() => AzureBackend.CreateIsolated(azurite);
}

internal static class AzureBackend
{
    public static AzureStorageProvider CreateIsolated(AzuriteFixture azurite) => new(new AzureStorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        Container = "t" + Guid.NewGuid().ToString("N"),
        QueuePrefix = "t" + Guid.NewGuid().ToString("N")[..8] + "-",
    });
}
