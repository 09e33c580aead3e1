using OrleansGenres.Storage.Tests.Contract;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Azure;

/// <summary>The work queue contract on the Azure backend, against a real Azurite (one per suite, so suites run in parallel).</summary>
public sealed class AzureWorkQueueTests(AzuriteFixture azurite) : WorkQueueContract, IClassFixture<AzuriteFixture>
{
    protected override IStorageProvider CreateProvider() => AzureBackend.CreateIsolated(azurite);
}
