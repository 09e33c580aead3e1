using OrleansGenres.Grains.Training;

namespace OrleansGenres.Host.Training;

/// <summary>Runs this training silo's <see cref="TrainerScheduler"/>.</summary>
public sealed class TrainingHostedService(TrainerScheduler trainer, ILogger<TrainingHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Trainer started");
        await trainer.RunAsync(stoppingToken);
        logger.LogInformation("Trainer stopped");
    }
}
