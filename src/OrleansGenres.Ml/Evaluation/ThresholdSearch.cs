namespace OrleansGenres.Ml.Evaluation;

/// <summary>Which candidate thresholds <see cref="ThresholdTuner"/> tries for each class.</summary>
public enum ThresholdSearch
{
    /// <summary>
    /// Every distinct score the class received on the validation data: exhaustive (every achievable split of the
    /// items is tried), but the chosen value sits exactly on a validation score and can overfit small sets.
    /// </summary>
    DistinctScores,

    /// <summary>0.05, 0.10, …, 0.95 (19 values): coarser, less prone to overfit, easy to read in a model card.</summary>
    Grid,
}
