namespace OrleansGenres.Ml.Evaluation;

/// <summary>One pair of models: the paired bootstrap of metric(A) − metric(B) and, where both gave per-track
/// correctness, McNemar's exact test.</summary>
public sealed record PairwiseComparison(
    string ModelA, string ModelB, PairedBootstrapResult Bootstrap, McNemarResult? McNemar);
