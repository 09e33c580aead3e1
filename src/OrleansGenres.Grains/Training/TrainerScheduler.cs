using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Ml.Data;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Native;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// This training silo's trainer: holds at most one job (training uses every core) and runs it outside any grain turn
/// with <see cref="TrainingJobRunner"/>, then tells the job grain how it ended: Succeeded with its registered version,
/// Cancelled at the step a cancel was noticed, Failed with the reason, or — for a transient fault — failed for now, to
/// be resumed from its last checkpoint. When the silo stops, the job is given back without counting an attempt.
/// </summary>
public sealed partial class TrainerScheduler(
    IGrainFactory grains,
    TrainingJobRunner runner,
    TrainerOptions options,
    GenresTelemetry telemetry,
    TimeProvider clock,
    ILogger<TrainerScheduler> logger)
{
    private readonly Channel<TrainingRequest> _accepted = Channel.CreateBounded<TrainingRequest>(1);
    private readonly Lock _gate = new();
    private TrainingRequest? _held;
    private volatile bool _stopping;

    /// <summary>Takes the request when this trainer holds no job and the silo is not stopping.</summary>
    public bool TryAccept(TrainingRequest request)
    {
        lock (_gate)
        {
            if (_stopping || _held is not null || !_accepted.Writer.TryWrite(request))
            {
                return false;
            }

            _held = request;
            return true;
        }
    }

    /// <summary>Whether this trainer holds <paramref name="attempt"/> (accepted, not yet ended).</summary>
    public bool Holds(Guid attempt)
    {
        lock (_gate)
        {
            return _held?.Attempt == attempt;
        }
    }

    /// <summary>Runs accepted jobs one at a time until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var refuseWhenStopping = stoppingToken.Register(() => _stopping = true);
        try
        {
            await foreach (var request in _accepted.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await ProcessAsync(request, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogUnexpected(logger, e, request.Tenant, request.JobId);
                }
                finally
                {
                    lock (_gate)
                    {
                        _held = null;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Accepted but never begun: back to its job grain, which offers it to another trainer.
        if (_accepted.Reader.TryRead(out var waiting))
        {
            await GiveBackAsync(waiting).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(TrainingRequest request, CancellationToken stopping)
    {
        if (!TenantId.IsValid(request.Tenant) || !TrainingJobId.IsValid(request.JobId))
        {
            return;
        }

        var grain = grains.GetGrain<ITrainingJobGrain>(TrainingJobKey.Of(new TenantId(request.Tenant), new TrainingJobId(request.JobId)));
        var job = await grain.GetAsync().ConfigureAwait(false);
        if (job is null || job.IsFinal)
        {
            return;
        }

        using var activity = StartActivity(request, job.Attempts + 1);
        var run = new TrainingRun(grain, request, options, clock, logger);
        await using (run.ConfigureAwait(false))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, run.Stopping);
            try
            {
                var outcome = await runner.RunAsync(job, run, linked.Token).ConfigureAwait(false);
                if (outcome is null)
                {
                    return; // the job grain no longer wanted this run
                }

                await grain.SucceededAsync(request.Attempt, outcome.Model.Version, outcome.Metrics?.ToDictionary()).ConfigureAwait(false);
                Ended("succeeded");
            }
            catch (OperationCanceledException) when (run.Reason == TrainingDirective.Cancel)
            {
                await grain.CancelledAsync(request.Attempt).ConfigureAwait(false);
                Ended("cancelled");
            }
            catch (OperationCanceledException) when (run.Reason == TrainingDirective.Abandon)
            {
                // Another trainer owns the job now (or it ended): nothing of ours may touch it.
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                // This silo is stopping (a deployment, not a failure): another trainer resumes from the last checkpoint.
                await GiveBackAsync(request).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e))
            {
                LogTransient(logger, e, request.Tenant, request.JobId);
                await grain.FailedAsync(request.Attempt, DescribeFailure(e), retry: true).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                LogFailed(logger, e, request.Tenant, request.JobId);
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                await grain.FailedAsync(request.Attempt, DescribeFailure(e), retry: false).ConfigureAwait(false);
                Ended("failed");
            }
        }
    }

    private async Task GiveBackAsync(TrainingRequest request)
    {
        try
        {
            await grains.GetGrain<ITrainingJobGrain>(TrainingJobKey.Of(new TenantId(request.Tenant), new TrainingJobId(request.JobId)))
                .FailedAsync(request.Attempt, "The training silo is stopping.", retry: true, countAttempt: false).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The job's reminder notices this silo is gone and hands the job to another trainer.
            LogGiveBackFailed(logger, e, request.Tenant, request.JobId);
        }
    }

    private Activity? StartActivity(TrainingRequest request, int attempt)
    {
        ActivityContext.TryParse(request.TraceParent, request.TraceState, isRemote: true, out var parent);
        var activity = telemetry.Source.StartActivity("train job", ActivityKind.Consumer, parent);
        activity?.SetTag("genres.tenant", request.Tenant);
        activity?.SetTag("genres.training_job", request.JobId);
        activity?.SetTag("genres.attempt", attempt);
        return activity;
    }

    private void Ended(string outcome) => telemetry.TrainingJobsEnded.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    // Storage and file-system faults may pass; a bad dataset, config, model or torch error will fail again the same way.
    private static bool IsTransient(Exception e) => e is StorageException or IOException;

    private static string DescribeFailure(Exception e) => e switch
    {
        DatasetException or ArgumentException or ModelRegistrationException or InvalidOperationException or StorageException or IOException => e.Message,
        // libtorch's errors carry a C++ backtrace after the first line.
        System.Runtime.InteropServices.ExternalException => e.Message.Split('\n', 2)[0],
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Tenant}/{JobId}: transient fault; the job grain resumes it later")]
    private static partial void LogTransient(ILogger logger, Exception exception, string tenant, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training job {Tenant}/{JobId}: failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string tenant, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training job {Tenant}/{JobId}: its end could not be reported; its reminder will notice")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string tenant, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Tenant}/{JobId}: handing it back while stopping failed; its reminder will")]
    private static partial void LogGiveBackFailed(ILogger logger, Exception exception, string tenant, string jobId);
}
