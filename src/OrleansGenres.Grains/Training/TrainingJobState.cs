using System.Text.Json;
using OrleansGenres.Ml.Training;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// <c>training/{tenant}/jobs/{id}.json</c>: everything about one job. What to train (dataset version, experiment config,
/// model name, test fold) never changes after creation; status, progress, epoch history, checkpoint and outcome are
/// changed only through <see cref="TrainingJobGrain"/>, with ETag-conditional writes.
/// </summary>
public sealed record TrainingJobState
{
    public required string JobId { get; init; }

    public required string Tenant { get; init; }

    public required string Dataset { get; init; }

    public required string DatasetVersion { get; init; }

    /// <summary>The name the trained version is registered under (the config's name unless the request chose one).</summary>
    public required string ModelName { get; init; }

    /// <summary>The experiment config as validated on submission (its <c>name</c> is <see cref="ModelName"/>).</summary>
    public required JsonElement Config { get; init; }

    public required string ConfigHash { get; init; }

    public int? TestFold { get; init; }

    public TrainingJobStatus Status { get; init; } = TrainingJobStatus.Queued;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Times a trainer started (or resumed) the job.</summary>
    public int Attempts { get; init; }

    /// <summary>The trainer that last started the job (a process id, for operators).</summary>
    public string? Trainer { get; init; }

    /// <summary>Every start by a trainer, with the checkpoint it resumed from: how a takeover after a crash shows.</summary>
    public IReadOnlyList<TrainingJobStart> Starts { get; init; } = [];

    /// <summary>Set by a cancel while a trainer runs the job; the trainer stops at the next step and ends it Cancelled.</summary>
    public bool CancelRequested { get; init; }

    public TrainingJobProgress? Progress { get; init; }

    /// <summary>One record per finished epoch (train and validation loss and metric, learning rate, speed).</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];

    public TrainingJobCheckpoint? Checkpoint { get; init; }

    /// <summary>The registered version (<c>name@sha12</c>) once Succeeded.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>Headline test metrics of the registered version.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    public double TrainingSeconds { get; init; }

    public string? Error { get; init; }

    public bool IsFinal => Status is TrainingJobStatus.Succeeded or TrainingJobStatus.Failed or TrainingJobStatus.Cancelled;
}
