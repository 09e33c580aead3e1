namespace OrleansGenres.Abstractions.Training;

/// <summary>
/// A training-job grain's persisted state (<c>[PersistentState]</c>, written after every change). What to train (dataset
/// version, experiment config, model name, test fold) never changes after creation; status, dispatch, progress, epoch
/// history, checkpoint and outcome change only inside the grain. The checkpoint files live in the blob store.
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.training-job-state")]
public sealed record TrainingJobState
{
    [Id(0)] public required string JobId { get; init; }

    [Id(1)] public required string Tenant { get; init; }

    [Id(2)] public required string Dataset { get; init; }

    [Id(3)] public required string DatasetVersion { get; init; }

    /// <summary>The name the trained version is registered under (the config's name unless the request chose one).</summary>
    [Id(4)] public required string ModelName { get; init; }

    /// <summary>The experiment config as validated on submission, as JSON (its <c>name</c> is <see cref="ModelName"/>).</summary>
    [Id(5)] public required string ConfigJson { get; init; }

    [Id(6)] public required string ConfigHash { get; init; }

    [Id(7)] public int? TestFold { get; init; }

    [Id(8)] public TrainingJobStatus Status { get; init; } = TrainingJobStatus.Queued;

    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(10)] public DateTimeOffset UpdatedAt { get; init; }

    [Id(11)] public DateTimeOffset? StartedAt { get; init; }

    [Id(12)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Times a trainer started (or resumed) the job.</summary>
    [Id(13)] public int Attempts { get; init; }

    /// <summary>The trainer that last started the job (its <c>Training:TrainerId</c>, for operators).</summary>
    [Id(14)] public string? Trainer { get; init; }

    /// <summary>Every start by a trainer, with the checkpoint it resumed from: how a takeover after a crash shows.</summary>
    [Id(15)] public TrainingJobStart[] Starts { get; init; } = [];

    /// <summary>Set by a cancel while a trainer runs the job; the trainer stops at the next step and ends it Cancelled.</summary>
    [Id(16)] public bool CancelRequested { get; init; }

    [Id(17)] public TrainingJobProgress? Progress { get; init; }

    /// <summary>One record per finished epoch (train and validation loss and metric, learning rate, speed).</summary>
    [Id(18)] public TrainingEpoch[] History { get; init; } = [];

    [Id(19)] public TrainingJobCheckpoint? Checkpoint { get; init; }

    /// <summary>The registered version (<c>name@sha12</c>) once Succeeded.</summary>
    [Id(20)] public string? ModelVersion { get; init; }

    /// <summary>Headline test metrics of the registered version.</summary>
    [Id(21)] public Dictionary<string, double>? Metrics { get; init; }

    [Id(22)] public double TrainingSeconds { get; init; }

    [Id(23)] public string? Error { get; init; }

    /// <summary>The run handed to a trainer (accepted, maybe started), or null while none is.</summary>
    [Id(24)] public TrainingDispatch? Dispatch { get; init; }

    /// <summary>No dispatch before this time (the back-off after a transient failure).</summary>
    [Id(25)] public DateTimeOffset? NotBefore { get; init; }

    public bool IsFinal => Status is TrainingJobStatus.Succeeded or TrainingJobStatus.Failed or TrainingJobStatus.Cancelled;
}

/// <summary>One start of a job: which trainer, when, and after which epoch it resumed (0 = from scratch).</summary>
[GenerateSerializer, Immutable, Alias("genres.training-job-start")]
public sealed record TrainingJobStart(
    [property: Id(0)] string Trainer,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] int ResumedAfterEpoch);

/// <summary>The job's last checkpoint in the blob store: after which epoch, when, and the files it is made of.</summary>
[GenerateSerializer, Immutable, Alias("genres.training-job-checkpoint")]
public sealed record TrainingJobCheckpoint(
    [property: Id(0)] int Epoch,
    [property: Id(1)] DateTimeOffset SavedAt,
    [property: Id(2)] string[] Files);

/// <summary>One finished epoch as the job shows it (the Ml layer's epoch record, copied: grain state holds no Ml types).</summary>
[GenerateSerializer, Immutable, Alias("genres.training-epoch")]
public sealed record TrainingEpoch(
    [property: Id(0)] int Epoch,
    [property: Id(1)] double TrainLoss,
    [property: Id(2)] double TrainMetric,
    [property: Id(3)] double ValidationLoss,
    [property: Id(4)] double ValidationMetric,
    [property: Id(5)] double LearningRate,
    [property: Id(6)] double Seconds,
    [property: Id(7)] double WindowsPerSecond);

/// <summary>
/// One run handed to a trainer: the attempt id every callback must name (a trainer that was given up on is refused), the
/// silo whose trainer accepted it (watched through cluster membership) and, once the trainer begins, when.
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.training-dispatch")]
public sealed record TrainingDispatch(
    [property: Id(0)] Guid Attempt,
    [property: Id(1)] string Silo,
    [property: Id(2)] DateTimeOffset DispatchedAt,
    [property: Id(3)] DateTimeOffset? StartedAt = null);
