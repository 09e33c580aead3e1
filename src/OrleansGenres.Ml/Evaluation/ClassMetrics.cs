namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Precision, recall and F1 of one class, with the counts they come from. <see cref="Support"/> is the number of
/// items whose truth holds the class (TP + FN). Undefined ratios (0/0) are 0, as with sklearn's <c>zero_division=0</c>.
/// </summary>
public sealed record ClassMetrics(
    string Label,
    double Precision,
    double Recall,
    double F1,
    int Support,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives)
{
    /// <summary>Items predicted as this class (TP + FP).</summary>
    public int Predicted => TruePositives + FalsePositives;
}
