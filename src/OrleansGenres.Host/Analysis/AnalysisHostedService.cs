using OrleansGenres.Grains.Analysis;

namespace OrleansGenres.Host.Analysis;

/// <summary>Runs this silo's <see cref="AnalysisScheduler"/> in the <c>analysis</c> role.</summary>
public sealed class AnalysisHostedService(AnalysisScheduler scheduler, ILogger<AnalysisHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Analysis scheduler started");
        await scheduler.RunAsync(stoppingToken);
        logger.LogInformation("Analysis scheduler stopped");
    }
}
