using System.Text.Json;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;

namespace OrleansGenres.Host.Api;

/// <summary>
/// One training job (<c>GET /api/training-jobs/{id}</c>): what it trains, where it is (status, phase, epoch and step,
/// ETA in <see cref="Progress"/>), its per-epoch metrics history, last checkpoint and, once Succeeded, the model version
/// it registered with its test metrics.
/// </summary>
public sealed record TrainingJobResponse(
    string Id,
    string Href,
    string Status,
    string Dataset,
    string DatasetVersion,
    string ModelName,
    string ConfigHash,
    int? TestFold,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    string? Trainer,
    bool CancelRequested,
    IReadOnlyList<TrainingJobStart> Starts,
    TrainingJobProgress? Progress,
    int EpochsDone,
    IReadOnlyList<TrainingEpoch> History,
    TrainingJobCheckpoint? Checkpoint,
    double TrainingSeconds,
    string? ModelVersion,
    string? ModelHref,
    IReadOnlyDictionary<string, double>? Metrics,
    string? Error,
    JsonElement? Config)
{
    public static string HrefOf(string id) => $"/api/training-jobs/{id}";

    /// <summary>The job; <paramref name="full"/> adds the history and the config (a listing leaves them out).</summary>
    public static TrainingJobResponse From(TrainingJobState job, bool full = true) => new(
        job.JobId,
        HrefOf(job.JobId),
        job.Status.ToString(),
        job.Dataset,
        job.DatasetVersion,
        job.ModelName,
        job.ConfigHash,
        job.TestFold,
        job.CreatedAt,
        job.UpdatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Attempts,
        job.Trainer,
        job.CancelRequested,
        job.Starts,
        job.Progress,
        job.History.Length,
        full ? job.History : [],
        job.Checkpoint,
        job.TrainingSeconds,
        job.ModelVersion,
        job.ModelVersion is { } version && ModelVersionId.TryParse(version, out var id) ? $"/api/models/{id.Name}/{id.Hash}" : null,
        job.Metrics,
        job.Error,
        full ? JsonDocument.Parse(job.ConfigJson).RootElement.Clone() : null);
}

/// <summary><c>GET /api/training-jobs</c>: the tenant's jobs, newest first, without histories and configs.</summary>
public sealed record TrainingJobListResponse(IReadOnlyList<TrainingJobResponse> Jobs);
