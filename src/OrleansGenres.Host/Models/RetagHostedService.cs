using OrleansGenres.Grains.Models;

namespace OrleansGenres.Host.Models;

/// <summary>Hosts the <see cref="Retagger"/> loop: any node may carry a tenant's re-tag job (one at a time, under a lease).</summary>
public sealed class RetagHostedService(Retagger retagger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => retagger.RunAsync(stoppingToken);
}
