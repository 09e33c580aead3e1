using OrleansGenres.Ml.Inference;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// The per-window timeline of one analysis (<see cref="TrackKeys.Windows"/>), written by the worker to the blob store:
/// it can be long (one row per window), so it never travels in grain state or messages.
/// </summary>
public sealed record TrackWindows(string TrackId, string ModelVersion, IReadOnlyList<string> Labels, IReadOnlyList<WindowScores> Windows);
