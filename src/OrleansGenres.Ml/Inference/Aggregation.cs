namespace OrleansGenres.Ml.Inference;

/// <summary>How per-window probabilities become a track's: their mean (steady tags) or maximum (brief events).</summary>
public enum Aggregation
{
    Mean,
    Max,
}
