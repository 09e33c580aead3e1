using OrleansGenres.Ml.Inference;

namespace OrleansGenres.Grains.Tracks;

/// <summary>The per-window timeline of a track's latest analysis (<see cref="TrackKeys.Windows"/>).</summary>
public sealed record TrackWindows(string TrackId, string ModelVersion, IReadOnlyList<string> Labels, IReadOnlyList<WindowScores> Windows);
