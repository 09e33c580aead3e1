using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Health;

/// <summary>Ready only when the storage backend answers.</summary>
public sealed class StorageHealthCheck(IStorageProvider storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await storage.CheckAsync(cancellationToken);
        var description = $"{health.Backend}: {health.Description}";
        return health.IsHealthy ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description);
    }
}
