namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// The metrics of always predicting the most frequent training class: the floor any model must clear. Its accuracy
/// is the test share of that class; its balanced accuracy is 1 / (classes present in test).
/// </summary>
public sealed record MajorityBaseline(int ClassIndex, string Label, SingleLabelMetrics Metrics);
