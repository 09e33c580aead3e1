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

    /// <summary>
    /// Like <see cref="DistinctScores"/>, but the threshold sits halfway between the chosen cut's score and the next
    /// lower validation score: the same split of the validation items, with the widest margin on both sides, so a
    /// perfectly separated class does not end up with a threshold just under its lowest positive.
    /// </summary>
    Midpoints,
}
