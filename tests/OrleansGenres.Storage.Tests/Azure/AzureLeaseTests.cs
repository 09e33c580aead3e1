using OrleansGenres.Storage.Tests.Contract;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Azure;

/// <summary>The lease contract on the Azure backend, against a real Azurite (one per suite, so suites run in parallel).</summary>
public sealed class AzureLeaseTests(AzuriteFixture azurite) : LeaseContract, IClassFixture<AzuriteFixture>
{
    protected override IStorageProvider CreateProvider() => AzureBackend.CreateIsolated(azurite);
}
