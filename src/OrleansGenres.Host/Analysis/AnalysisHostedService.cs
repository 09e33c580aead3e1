using OrleansGenres.Grains.Analysis;

namespace OrleansGenres.Host.Analysis;

/// <summary>Hosts the <see cref="AnalysisWorker"/> loop in the <c>analysis</c> role.</summary>
public sealed class AnalysisHostedService(AnalysisWorker worker, ILogger<AnalysisHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Analysis worker started");
        await worker.RunAsync(stoppingToken);
        logger.LogInformation("Analysis worker stopped");
    }
}
