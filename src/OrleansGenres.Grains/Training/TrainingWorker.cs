using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Ml.Data;
using OrleansGenres.Native;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// The training role's loop: takes one job message at a time (training uses every core), acquires the job's lease —
/// a job whose lease another trainer holds is looked at again once that lease could have lapsed — starts the job, runs
/// it under a <see cref="TrainingJobHeartbeat"/>, and ends it: Succeeded with its registered version, Cancelled at the
/// step a cancel was noticed, or Failed with the reason. A transient fault is retried later from the last checkpoint;
/// this host stopping leaves the job Running for the next trainer to resume.
/// </summary>
public sealed partial class TrainingWorker(
    TrainingJobGrains grains,
    IWorkQueue queue,
    TrainingJobRunner runner,
    TrainingWorkerOptions options,
    GenresTelemetry telemetry,
    TimeProvider clock,
    ILogger<TrainingWorker> logger)
{
    private IObjectStore Objects => grains.Services.Objects;

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var messages = await queue.ReceiveAsync(1, options.LeaseDuration, stopping).ConfigureAwait(false);
                if (messages.Count == 0)
                {
                    await Task.Delay(options.PollInterval, clock, stopping).ConfigureAwait(false);
                    continue;
                }

                await HandleAsync(messages[0], stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFault(logger, e);
                await Task.Delay(options.RetryDelay, clock, stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken stopping)
    {
        if (!TryParse(message, out var tenant, out var id))
        {
            LogUnreadable(logger, message.Id);
            await CompleteAsync(message).ConfigureAwait(false);
            return;
        }

        var lease = await Objects.TryAcquireLeaseAsync(TrainingJobKeys.Lease(tenant, id), options.LeaseDuration, stopping).ConfigureAwait(false);
        if (lease is null)
        {
            // Another trainer runs it (or died holding it): look again when its lease could have lapsed.
            await HideAsync(message, options.LeaseDuration).ConfigureAwait(false);
            return;
        }

        try
        {
            var grain = grains.Get(tenant, id);
            var job = await grain.StartAsync(options.TrainerId, stopping).ConfigureAwait(false);
            if (job is null || job.IsFinal)
            {
                await CompleteAsync(message).ConfigureAwait(false);
                return;
            }

            LogStarted(logger, tenant.Value, id.Value, job.Attempts, job.Dataset, job.DatasetVersion, job.ModelName);
            using var activity = telemetry.Source.StartActivity("train job");
            activity?.SetTag("genres.tenant", tenant.Value);
            activity?.SetTag("genres.training_job", id.Value);
            activity?.SetTag("genres.attempt", job.Attempts);
            await RunJobAsync(job, grain, lease, message, stopping).ConfigureAwait(false);
        }
        finally
        {
            await Objects.ReleaseLeaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RunJobAsync(TrainingJobState job, TrainingJobGrain grain, ObjectLease lease, QueueMessage message, CancellationToken stopping)
    {
        var heartbeat = new TrainingJobHeartbeat(grain, Objects, queue, lease, message, options, clock, logger);
        await using (heartbeat.ConfigureAwait(false))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, heartbeat.Stopping);
            try
            {
                var outcome = await runner.RunAsync(job, grain, heartbeat, linked.Token).ConfigureAwait(false);
                await grain.SucceedAsync(outcome.Model.Version, outcome.Metrics, CancellationToken.None).ConfigureAwait(false);
                LogSucceeded(logger, job.Tenant, job.JobId, outcome.Model.Version);
                Ended("succeeded");
                await CompleteAsync(heartbeat.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (heartbeat.Reason == TrainingJobStopReason.CancelRequested)
            {
                await grain.MarkCancelledAsync(CancellationToken.None).ConfigureAwait(false);
                LogCancelled(logger, job.Tenant, job.JobId);
                Ended("cancelled");
                await CompleteAsync(heartbeat.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (heartbeat.Reason == TrainingJobStopReason.LeaseLost)
            {
                // Another trainer owns the job now: nothing of ours may touch it.
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // This host is stopping: the job stays Running; the next trainer resumes it from its last checkpoint soon.
                await HideAsync(heartbeat.Message, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e) && job.Attempts < options.MaxAttempts)
            {
                var delay = options.RetryDelay * Math.Pow(2, job.Attempts - 1);
                LogRetrying(logger, e, job.Tenant, job.JobId, job.Attempts, delay);
                await HideAsync(heartbeat.Message, delay).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                LogFailed(logger, e, job.Tenant, job.JobId);
                await grain.FailAsync(DescribeFailure(e), CancellationToken.None).ConfigureAwait(false);
                Ended("failed");
                await CompleteAsync(heartbeat.Message).ConfigureAwait(false);
            }
        }
    }

    private void Ended(string outcome) => telemetry.TrainingJobsEnded.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    // Storage and file-system faults may pass; a bad dataset, config, model or native error will fail again the same way.
    private static bool IsTransient(Exception e) => e is StorageException or IOException;

    private static string DescribeFailure(Exception e) => e switch
    {
        DatasetException or ArgumentException or ModelRegistrationException or NativeException or InvalidOperationException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static bool TryParse(QueueMessage message, out TenantId tenant, out TrainingJobId id)
    {
        tenant = default;
        id = default;
        try
        {
            var body = JsonSerializer.Deserialize<TrainingJobMessage>(message.Body, StorageJson.Options);
            if (body is null || !TenantId.IsValid(body.Tenant) || !TrainingJobId.IsValid(body.JobId))
            {
                return false;
            }

            (tenant, id) = (new TenantId(body.Tenant), new TrainingJobId(body.JobId));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task CompleteAsync(QueueMessage message)
    {
        try
        {
            await queue.CompleteAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (MessageLostException)
        {
            // Received again elsewhere; whoever holds it now finds the job final and completes it.
        }
    }

    private async Task HideAsync(QueueMessage message, TimeSpan delay)
    {
        try
        {
            await queue.ExtendAsync(message, delay, CancellationToken.None).ConfigureAwait(false);
        }
        catch (MessageLostException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Tenant}/{JobId}: start {Attempt} on dataset {Dataset}@{DatasetVersion} for model {Model}")]
    private static partial void LogStarted(ILogger logger, string tenant, string jobId, int attempt, string dataset, string datasetVersion, string model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Tenant}/{JobId}: succeeded, registered {ModelVersion}")]
    private static partial void LogSucceeded(ILogger logger, string tenant, string jobId, string modelVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Tenant}/{JobId}: cancelled")]
    private static partial void LogCancelled(ILogger logger, string tenant, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Tenant}/{JobId}: transient fault on attempt {Attempt}, retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string tenant, string jobId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training job {Tenant}/{JobId}: failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string tenant, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training queue message {MessageId} is unreadable; dropped")]
    private static partial void LogUnreadable(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training loop fault; retrying")]
    private static partial void LogLoopFault(ILogger logger, Exception exception);
}
