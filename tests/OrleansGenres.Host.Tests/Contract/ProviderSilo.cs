using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansGenres.Host.Tests.Contract;

/// <summary>
/// One real silo whose grain storage <see cref="StorageName"/> and reminder table are the providers under test, so the
/// contract runs against them exactly as Orleans constructs and starts them.
/// </summary>
public sealed class ProviderSilo : IAsyncDisposable
{
    public const string StorageName = "contract";

    private readonly InProcessTestCluster _cluster;

    private ProviderSilo(InProcessTestCluster cluster) => _cluster = cluster;

    public IServiceProvider Services => _cluster.GetSiloServiceProvider();

    public IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(StorageName);

    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    public static async Task<ProviderSilo> StartAsync(Action<ISiloBuilder> providers)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => providers(silo));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ProviderSilo(cluster);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
