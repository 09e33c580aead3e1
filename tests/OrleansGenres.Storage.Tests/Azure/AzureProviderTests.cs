using OrleansGenres.Storage.Azure;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Azure;

/// <summary>Azure-only behaviour of the provider itself: configuration checks and health reporting.</summary>
public sealed class AzureProviderTests
{
    [Fact]
    public async Task An_unreachable_account_is_reported_unhealthy_not_thrown()
    {
        int[] ports = FreePorts.Take(2); // nothing listens there
        var provider = new AzureStorageProvider(new AzureStorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
                $"BlobEndpoint=http://127.0.0.1:{ports[0]}/{AzuriteServer.AccountName};QueueEndpoint=http://127.0.0.1:{ports[1]}/{AzuriteServer.AccountName};",
            HealthCheckTimeout = TimeSpan.FromSeconds(1),
        });

        StorageHealth health = await provider.CheckAsync();

        Assert.False(health.IsHealthy);
        Assert.Equal("azure", health.Backend);
        Assert.Contains($"127.0.0.1:{ports[0]}", health.Description, StringComparison.Ordinal);
        Assert.InRange(health.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("", "genres")]
    [InlineData("UseDevelopmentStorage=true", "Genres")]
    [InlineData("UseDevelopmentStorage=true", "ge")]
    [InlineData("UseDevelopmentStorage=true", "gen--res")]
    public void Invalid_options_are_rejected(string connectionString, string container)
    {
        Assert.Throws<ArgumentException>(() => new AzureStorageProvider(
            new AzureStorageOptions { ConnectionString = connectionString, Container = container }));
    }
}
