using OrleansGenres.Ml.Inference;

namespace OrleansGenres.Ml.Experiments;

/// <summary>How window predictions become track tags.</summary>
public sealed record PredictionSettings
{
    public Aggregation Aggregation { get; init; } = Aggregation.Mean;

    /// <summary>Multi-label: the global threshold, used where a class could not be tuned.</summary>
    public float Threshold { get; init; } = 0.5f;

    /// <summary>Multi-label: tune one threshold per class on validation tracks for F1.</summary>
    public bool TuneThresholds { get; init; } = true;
}
