using OrleansGenres.Grains.Analysis;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Telemetry;

/// <summary>
/// Samples the analysis queue's depth every few seconds for the <c>genres.queue.depth</c> gauge: a metrics collection
/// must not wait on storage, so the gauge reports the latest sample (what an autoscaler such as KEDA would watch).
/// </summary>
public sealed class QueueDepthSampler(IStorageProvider storage, GenresTelemetry telemetry, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private long _depth;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = storage.GetQueue(AnalysisQueues.Analyze);
        telemetry.ObserveQueueDepth(() => Interlocked.Read(ref _depth));
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                Interlocked.Exchange(ref _depth, await queue.GetApproximateCountAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Sampling the analysis queue depth failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
