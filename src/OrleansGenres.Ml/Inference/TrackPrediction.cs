namespace OrleansGenres.Ml.Inference;

/// <summary>
/// A track's result: every label's aggregated score, highest first, with the assigned ones marked, and the per-window
/// timeline the scores came from.
/// </summary>
public sealed record TrackPrediction(IReadOnlyList<TagScore> Tags, IReadOnlyList<WindowScores> Windows, Aggregation Aggregation)
{
    public IEnumerable<TagScore> Assigned => Tags.Where(tag => tag.Assigned);
}
