namespace OrleansGenres.Ml.Inference;

/// <summary>
/// A track's result: every label's aggregated score, highest first, with the assigned ones marked, and the per-window
/// timeline the scores came from.
/// </summary>
public sealed record TrackPrediction(IReadOnlyList<TagScore> Tags, IReadOnlyList<WindowScores> Windows, Aggregation Aggregation)
{
    /// <summary>Windows below the silence floor: shown in the timeline, left out of the track's scores.</summary>
    public int SilentWindows => Windows.Count(w => w.Silent);

    /// <summary>Every window is silent: the track has no scores and no tags.</summary>
    public bool Silent => Windows.Count > 0 && SilentWindows == Windows.Count;

    public IEnumerable<TagScore> Assigned => Tags.Where(tag => tag.Assigned);
}
