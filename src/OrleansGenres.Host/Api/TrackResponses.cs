using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Tracks;

namespace OrleansGenres.Host.Api;

/// <summary>A track as the API shows it (<c>GET /api/tracks/{id}</c>).</summary>
public sealed record TrackResponse(
    string Id,
    string Status,
    string? FileName,
    long SizeBytes,
    DateTimeOffset UploadedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TagResponse> Tags,
    IReadOnlyList<TagResponse> Scores,
    TrackModelResponse? Model,
    double? DurationSeconds,
    int? WindowCount,
    int? SilentWindows,
    bool? Silent,
    TrackTimingsResponse Timings,
    TrackErrorResponse? Error,
    int Attempts,
    IReadOnlyList<AnalysisRecord> History,
    TrackLinks Links)
{
    public static TrackResponse From(TrackState state)
    {
        var analysis = state.Analysis;
        var scores = analysis?.Tags.Select(t => new TagResponse(t.Label, Math.Round(t.Score, 6))).ToArray() ?? [];
        return new TrackResponse(
            state.TrackId,
            state.Status.ToString(),
            state.FileName,
            state.SizeBytes,
            state.UploadedAt,
            state.UpdatedAt,
            [.. analysis?.Tags.Where(t => t.Assigned).Select(t => new TagResponse(t.Label, Math.Round(t.Score, 6))) ?? []],
            scores,
            analysis is null ? null : new TrackModelResponse(analysis.ModelName, analysis.ModelVersion, analysis.Aggregation.ToLowerInvariant()),
            analysis?.DurationSeconds,
            analysis?.WindowCount,
            analysis?.SilentWindows,
            analysis is null ? null : analysis.WindowCount > 0 && analysis.SilentWindows == analysis.WindowCount,
            new TrackTimingsResponse(state.QueuedAt, analysis?.StartedAt, analysis?.CompletedAt, analysis?.AnalysisSeconds, analysis?.RealtimeFactor),
            state.Failure is { } failure ? new TrackErrorResponse(failure.Kind, failure.Message, failure.At) : null,
            state.Attempts,
            state.History,
            new TrackLinks($"/api/tracks/{state.TrackId}", $"/api/tracks/{state.TrackId}/windows"));
    }
}

/// <summary>A label and its track score; <c>tags</c> lists the assigned ones, <c>scores</c> every label, highest first.</summary>
public sealed record TagResponse(string Label, double Score);

public sealed record TrackModelResponse(string Name, string Version, string Aggregation);

public sealed record TrackTimingsResponse(DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, double? AnalysisSeconds, double? RealtimeFactor);

public sealed record TrackErrorResponse(string Kind, string Message, DateTimeOffset At);

public sealed record TrackLinks(string Self, string Windows);

/// <summary>A page of <c>GET /api/tracks</c>.</summary>
public sealed record TrackListResponse(IReadOnlyList<TrackResponse> Items, int Page, int PageSize, int Total);

/// <summary>The per-window timeline (<c>GET /api/tracks/{id}/windows</c>): each window's span and every label's probability.</summary>
public sealed record TrackWindowsResponse(string TrackId, string ModelVersion, IReadOnlyList<string> Labels, IReadOnlyList<WindowResponse> Windows)
{
    public static TrackWindowsResponse From(TrackWindows windows) => new(
        windows.TrackId,
        windows.ModelVersion,
        windows.Labels,
        [.. windows.Windows.Select(w => new WindowResponse(w.StartSeconds, w.EndSeconds, [.. w.Scores.Select(s => Math.Round(s, 6))], w.Silent))]);
}

/// <summary>One window of the timeline; <see cref="Silent"/> ones (below the silence floor) take no part in the tags.</summary>
public sealed record WindowResponse(double Start, double End, IReadOnlyList<double> Scores, bool Silent);
