using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;

namespace OrleansGenres.Host.Health;

/// <summary>Ready only when the default model loads (which also proves TorchSharp's libtorch loads).</summary>
public sealed class ModelHealthCheck(IActiveModelProvider models) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var model = await models.GetDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy($"model {model.Version} loaded");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the default model does not load: {e.Message}");
        }
    }
}
