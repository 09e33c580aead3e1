using OrleansGenres.Storage.Azure;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Azure;

/// <summary>A provider isolated from every other test on the same Azurite: its own container.</summary>
internal static class AzureBackend
{
    public static AzureStorageProvider CreateIsolated(AzuriteFixture azurite) => new(new AzureStorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        Container = "t" + Guid.NewGuid().ToString("N"),
    });
}
