namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Paired bootstrap of metric(A) − metric(B) on the same tracks: each replicate resamples the tracks once and
/// computes both models' metric on that resample, so track difficulty cancels out of the difference.
/// </summary>
/// <param name="EstimateA">Metric of model A on all tracks.</param>
/// <param name="EstimateB">Metric of model B on all tracks.</param>
/// <param name="Difference">EstimateA − EstimateB.</param>
/// <param name="MeanDifference">Mean of the resampled differences.</param>
/// <param name="Lower">Percentile interval of the difference, lower bound.</param>
/// <param name="Upper">Percentile interval of the difference, upper bound.</param>
/// <param name="PValue">
/// Two-sided p-value of "no difference": p = 2·min(P*(d ≤ 0), P*(d ≥ 0)), where P* is the share of the B valid
/// replicates, clipped to [1/(B + 1), 1]. Identical models give d = 0 everywhere and p = 1; a model better on every
/// replicate gives the floor 1/(B + 1), the smallest p-value B replicates can support.
/// </param>
public sealed record PairedBootstrapResult(
    double EstimateA,
    double EstimateB,
    double Difference,
    double MeanDifference,
    double Lower,
    double Upper,
    double PValue,
    double Level,
    int Resamples,
    int ValidResamples,
    int Seed);
