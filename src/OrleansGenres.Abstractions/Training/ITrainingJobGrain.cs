namespace OrleansGenres.Abstractions.Training;

/// <summary>
/// One training job (key: <see cref="TrainingJobKey"/>): Queued → Running → Succeeded | Failed | Cancelled. The grain
/// persists its state after every change and hands the run to a trainer on a <c>training</c> silo. While the job is not
/// final a reminder watches it: a run whose silo left the cluster (or whose trainer no longer holds it) is handed to
/// another trainer, which resumes from the last checkpoint in the blob store. Trainers call back naming their attempt;
/// a stale attempt is refused, so two trainers never both write one job.
/// </summary>
[Alias("genres.training-job")]
public interface ITrainingJobGrain : IGrainWithStringKey
{
    /// <summary>The job, or null when it does not exist.</summary>
    [Alias("get")]
    Task<TrainingJobState?> GetAsync();

    /// <summary>Records the validated job as Queued and dispatches it; a job that exists already is returned as it is.</summary>
    [Alias("create")]
    Task<TrainingJobState> CreateAsync(TrainingJobState job);

    /// <summary>
    /// A job no trainer has started is Cancelled at once; a running one is marked, and its trainer stops at the next
    /// step boundary. Null when there is no such job; a final job is returned unchanged.
    /// </summary>
    [Alias("cancel")]
    Task<TrainingJobState?> CancelAsync();

    /// <summary>
    /// Deletes an ended job with its checkpoint files (a model it registered stays). Null when there is no such job;
    /// false (nothing deleted) while it is queued or running.
    /// </summary>
    [Alias("delete")]
    Task<bool?> DeleteAsync();

    /// <summary>The trainer begins <paramref name="attempt"/>, resuming after <paramref name="resumedAfterEpoch"/> (0: from scratch).</summary>
    [Alias("started")]
    Task<TrainingDirective> StartedAsync(Guid attempt, string trainer, int resumedAfterEpoch);

    /// <summary>The trainer's latest progress (null: nothing new); the answer tells it to go on, to cancel, or that the run is no longer its own.</summary>
    [Alias("progress")]
    Task<TrainingDirective> ReportProgressAsync(Guid attempt, TrainingJobProgress? progress);

    /// <summary>An epoch finished and its checkpoint is in the blob store: history, checkpoint and training time follow it.</summary>
    [Alias("epoch")]
    Task<TrainingDirective> EpochCompletedAsync(Guid attempt, TrainingEpoch[] history, TrainingJobCheckpoint checkpoint, double trainingSeconds);

    /// <summary>Trained, evaluated and registered as <paramref name="modelVersion"/>.</summary>
    [Alias("succeeded")]
    Task SucceededAsync(Guid attempt, string modelVersion, Dictionary<string, double>? metrics);

    /// <summary>The trainer stopped at a step boundary because the job was cancelled; its last checkpoint is kept.</summary>
    [Alias("cancelled")]
    Task CancelledAsync(Guid attempt);

    /// <summary>
    /// The run failed: for good (<paramref name="retry"/> false), or transiently (resumed from its checkpoint after a
    /// growing delay until the attempt limit). <paramref name="countAttempt"/> false when the trainer's silo merely stopped.
    /// </summary>
    [Alias("failed")]
    Task FailedAsync(Guid attempt, string error, bool retry, bool countAttempt = true);
}

/// <summary>What a trainer does after a call to its job: go on, stop and end the job Cancelled, or stop and write nothing more.</summary>
[GenerateSerializer, Alias("genres.training-directive")]
public enum TrainingDirective
{
    Continue,
    Cancel,
    Abandon,
}
