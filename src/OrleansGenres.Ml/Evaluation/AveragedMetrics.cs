namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Precision, recall and F1 averaged over classes (macro, weighted), over counts (micro) or over samples.
/// <see cref="Support"/> is the total support of the classes averaged, as sklearn's classification report shows it.
/// </summary>
public sealed record AveragedMetrics(double Precision, double Recall, double F1, int Support);
