namespace OrleansGenres.Grains.Analysis;

/// <summary>
/// The queued request to analyse one track with one model version. <see cref="TraceParent"/>/<see cref="TraceState"/>
/// carry the W3C trace context so the worker's span continues the upload's trace.
/// </summary>
public sealed record AnalyzeTrackMessage(string Tenant, string TrackId, string ModelVersion, string? TraceParent = null, string? TraceState = null);
