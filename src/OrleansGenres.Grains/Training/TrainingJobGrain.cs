using System.Text.Json;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Ml.Training;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// One training job (identity = tenant + job id, state = <see cref="TrainingJobState"/>). Every change is a read,
/// a decision on the current state, and an ETag-conditional write; a lost race reads and decides again, so a cancel
/// and a trainer's progress report never overwrite each other. Final states are never left.
/// </summary>
public sealed class TrainingJobGrain(TenantId tenant, TrainingJobId id, TrainingJobServices services)
{
    private const int MaxWriteAttempts = 20;

    public TenantId Tenant { get; } = tenant;

    public TrainingJobId Id { get; } = id;

    private string StateKey => TrainingJobKeys.Job(Tenant, Id);

    public async Task<TrainingJobState?> GetAsync(CancellationToken cancellationToken = default) =>
        (await services.Objects.GetJsonAsync<TrainingJobState>(StateKey, TrainingJobJson.Options, cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>Writes the new job (create-only) and then queues it for a trainer.</summary>
    public async Task<TrainingJobState> CreateAsync(TrainingJobState job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.JobId != Id.Value || job.Tenant != Tenant.Value)
        {
            throw new ArgumentException("The job document belongs to another job.", nameof(job));
        }

        var created = job with { Status = TrainingJobStatus.Queued, UpdatedAt = job.CreatedAt };
        await services.Objects.PutJsonAsync(StateKey, created, new PutOptions { IfNoneMatch = true }, TrainingJobJson.Options, cancellationToken).ConfigureAwait(false);
        await services.Queue.SendAsync(JsonSerializer.Serialize(new TrainingJobMessage(Tenant.Value, Id.Value), StorageJson.Options), ct: cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>
    /// A queued job is Cancelled at once; a running one is marked, and its trainer stops at the next step boundary.
    /// Null when there is no such job.
    /// </summary>
    public Task<TrainingJobState?> CancelAsync(CancellationToken cancellationToken = default) =>
        MutateAsync(job => job.Status switch
        {
            TrainingJobStatus.Queued => job with { Status = TrainingJobStatus.Cancelled, FinishedAt = services.Clock.GetUtcNow() },
            TrainingJobStatus.Running when !job.CancelRequested => job with { CancelRequested = true },
            _ => job,
        }, cancellationToken);

    /// <summary>
    /// A trainer that holds the job's lease starts (or resumes) it: Running, one more attempt. A job whose cancel was
    /// requested while no trainer ran it ends Cancelled here instead. Returns the job as it now is.
    /// </summary>
    public Task<TrainingJobState?> StartAsync(string trainer, CancellationToken cancellationToken = default) =>
        MutateAsync(job =>
            job.IsFinal ? job
            : job.CancelRequested ? job with { Status = TrainingJobStatus.Cancelled, FinishedAt = services.Clock.GetUtcNow(), Progress = null }
            : job with
            {
                Status = TrainingJobStatus.Running,
                Attempts = job.Attempts + 1,
                Trainer = trainer,
                StartedAt = job.StartedAt ?? services.Clock.GetUtcNow(),
                Error = null,
            }, cancellationToken);

    /// <summary>The trainer fetched the job's checkpoint (or found none) and starts training after <paramref name="resumedAfterEpoch"/>.</summary>
    public Task<TrainingJobState?> RecordStartAsync(string trainer, int resumedAfterEpoch, CancellationToken cancellationToken = default) =>
        MutateAsync(job => job.Status == TrainingJobStatus.Running && job.Trainer == trainer
            ? job with { Starts = [.. job.Starts, new TrainingJobStart(trainer, services.Clock.GetUtcNow(), resumedAfterEpoch)] }
            : job, cancellationToken);

    /// <summary>The trainer's latest progress; returns the job so the trainer sees a cancel request.</summary>
    public Task<TrainingJobState?> ReportProgressAsync(string trainer, TrainingJobProgress progress, CancellationToken cancellationToken = default) =>
        MutateAsync(job => job.Status == TrainingJobStatus.Running && job.Trainer == trainer ? job with { Progress = progress } : job, cancellationToken);

    /// <summary>An epoch finished and its checkpoint is in the store: history, checkpoint and training time follow it.</summary>
    public Task<TrainingJobState?> RecordEpochAsync(string trainer, TrainingState state, TrainingJobCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return MutateAsync(job => job.Status == TrainingJobStatus.Running && job.Trainer == trainer
            ? job with { History = state.History, Checkpoint = checkpoint, TrainingSeconds = state.TrainingSeconds }
            : job, cancellationToken);
    }

    public Task<TrainingJobState?> SucceedAsync(string modelVersion, IReadOnlyDictionary<string, double>? metrics, CancellationToken cancellationToken = default) =>
        FinishAsync(job => job with { Status = TrainingJobStatus.Succeeded, ModelVersion = modelVersion, Metrics = metrics }, cancellationToken);

    public Task<TrainingJobState?> FailAsync(string error, CancellationToken cancellationToken = default) =>
        FinishAsync(job => job with { Status = TrainingJobStatus.Failed, Error = error }, cancellationToken);

    public Task<TrainingJobState?> MarkCancelledAsync(CancellationToken cancellationToken = default) =>
        FinishAsync(job => job with { Status = TrainingJobStatus.Cancelled }, cancellationToken);

    /// <summary>
    /// Deletes an ended job: its checkpoint files, then its document (only if unchanged since it was read as final).
    /// Null when there is no such job; false (nothing deleted) while it is queued or running — cancel it first.
    /// </summary>
    public async Task<bool?> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var current = await services.Objects.GetJsonAsync<TrainingJobState>(StateKey, TrainingJobJson.Options, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }

        if (!current.Value.IsFinal)
        {
            return false;
        }

        await foreach (var file in services.Objects.ListAsync(TrainingJobKeys.CheckpointPrefix(Tenant, Id), cancellationToken).ConfigureAwait(false))
        {
            await services.Objects.DeleteAsync(file.Key, ct: cancellationToken).ConfigureAwait(false);
        }

        // Final documents never change, so the condition only loses to a concurrent delete.
        try
        {
            await services.Objects.DeleteAsync(StateKey, current.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (PreconditionFailedException)
        {
        }

        return true;
    }

    private Task<TrainingJobState?> FinishAsync(Func<TrainingJobState, TrainingJobState> finish, CancellationToken cancellationToken) =>
        MutateAsync(job => job.IsFinal ? job : finish(job) with { FinishedAt = services.Clock.GetUtcNow(), Progress = null, CancelRequested = false }, cancellationToken);

    /// <summary>
    /// Read, change, write on the ETag; on a lost race, read and decide again (<see cref="ObjectStoreJsonExtensions.MutateJsonAsync"/>).
    /// A change that returns the same instance writes nothing. Returns the job as stored afterwards, or null when there
    /// is no such job.
    /// </summary>
    private async Task<TrainingJobState?> MutateAsync(Func<TrainingJobState, TrainingJobState> change, CancellationToken cancellationToken)
    {
        var (job, _) = await services.Objects.MutateJsonAsync<TrainingJobState>(
            StateKey,
            current => change(current) is var next && !ReferenceEquals(next, current) ? next with { UpdatedAt = services.Clock.GetUtcNow() } : null,
            json: TrainingJobJson.Options,
            maxAttempts: MaxWriteAttempts,
            ct: cancellationToken).ConfigureAwait(false);
        return job;
    }
}
