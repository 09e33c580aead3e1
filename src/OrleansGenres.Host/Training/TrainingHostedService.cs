using OrleansGenres.Grains.Training;

namespace OrleansGenres.Host.Training;

/// <summary>Hosts the <see cref="TrainingWorker"/> loop in the <c>training</c> role.</summary>
public sealed class TrainingHostedService(TrainingWorker worker, ILogger<TrainingHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Trainer started");
        await worker.RunAsync(stoppingToken);
        logger.LogInformation("Trainer stopped");
    }
}
