using OrleansGenres.Storage.Tests.Contract;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Azure;

/// <summary>The object store contract on the Azure backend, against a real Azurite (one per suite, so suites run in parallel).</summary>
public sealed class AzureObjectStoreTests(AzuriteFixture azurite) : ObjectStoreContract, IClassFixture<AzuriteFixture>
{
    protected override IStorageProvider CreateProvider() => AzureBackend.CreateIsolated(azurite);
}
