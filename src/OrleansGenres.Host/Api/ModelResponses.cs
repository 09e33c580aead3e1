using System.Text.Json;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;

namespace OrleansGenres.Host.Api;

/// <summary>The tenant's models (<c>GET /api/models</c>): which version analyses new uploads, and every registered one.</summary>
/// <param name="ActiveSource"><c>registry</c> when the tenant activated a version, <c>default</c> while it uses the host's default model.</param>
public sealed record ModelListResponse(string Active, string ActiveSource, IReadOnlyList<ModelVersionResponse> Versions);

/// <summary>One registered version as listed.</summary>
public sealed record ModelVersionResponse(
    string Name,
    string Version,
    DateTimeOffset RegisteredAt,
    string WeightsSha256,
    long ParameterCount,
    IReadOnlyDictionary<string, double>? Metrics,
    bool HasReport,
    string Origin,
    bool Active,
    string Href)
{
    public static ModelVersionResponse From(RegisteredModel model, string activeVersion) => new(
        model.Name,
        model.Version,
        model.RegisteredAt,
        model.WeightsSha256,
        model.ParameterCount,
        model.Metrics,
        model.HasReport,
        model.Origin,
        model.Version == activeVersion,
        $"/api/models/{model.Name}/{model.Hash}");
}

/// <summary>One version with its card and evaluation report (<c>GET /api/models/{name}/{version}</c>).</summary>
public sealed record ModelDetailsResponse(ModelVersionResponse Model, JsonElement Card, JsonElement? Report, string? ReportText);

/// <summary>The answer to an activation: the version now active and the re-tag job started for it, if any.</summary>
public sealed record ActivationResponse(string Active, ModelVersionResponse Model, RetagJobResponse? Retag);

/// <summary>Optional body of <c>POST /api/models/{name}/{version}/activate</c>.</summary>
public sealed record ActivationRequest(bool? Retag);

/// <summary>A re-tag job's progress (<c>GET /api/models/retag</c>).</summary>
public sealed record RetagJobResponse(string JobId, string Version, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, int Queued, int Deferred, bool Done, DateTimeOffset? CompletedAt)
{
    public static RetagJobResponse From(RetagJob job) =>
        new(job.JobId, job.Version, job.StartedAt, job.UpdatedAt, job.Queued, job.Deferred.Length, job.Done, job.CompletedAt);
}

/// <summary>The answer to a registration: the version, and whether this upload added it.</summary>
public sealed record RegistrationResponse(bool Created, ModelVersionResponse Model);
