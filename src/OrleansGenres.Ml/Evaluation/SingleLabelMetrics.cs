namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Metrics of a single-label (multi-class) classifier, with scikit-learn's semantics given <c>labels=range(k)</c>:
/// every class in <see cref="Labels"/> has a row and takes part in the macro average, even one absent from both truth
/// and predictions (it scores 0, as sklearn does with <c>zero_division=0</c>).
/// </summary>
/// <param name="Count">Items evaluated.</param>
/// <param name="Accuracy">Fraction of items predicted correctly.</param>
/// <param name="BalancedAccuracy">
/// Mean recall over the classes present in truth (sklearn's <c>balanced_accuracy_score</c>): classes with no true
/// item are left out rather than counted as 0, so a class missing from a test split does not drag it down.
/// </param>
/// <param name="Micro">Pooled counts; for single-label data precision = recall = F1 = accuracy.</param>
public sealed record SingleLabelMetrics(
    IReadOnlyList<string> Labels,
    ConfusionMatrix Confusion,
    int Count,
    double Accuracy,
    double BalancedAccuracy,
    IReadOnlyList<ClassMetrics> PerClass,
    AveragedMetrics Macro,
    AveragedMetrics Weighted,
    AveragedMetrics Micro)
{
    /// <summary>Metrics of every item; class ids in both arrays index <paramref name="labels"/>.</summary>
    public static SingleLabelMetrics Compute(int[] truth, int[] predicted, IReadOnlyList<string> labels) =>
        FromConfusion(ConfusionMatrix.Compute(truth, predicted, labels));

    /// <summary>Metrics of the items at <paramref name="indices"/> (may repeat: a bootstrap resample).</summary>
    public static SingleLabelMetrics Compute(
        int[] truth, int[] predicted, IReadOnlyList<string> labels, ReadOnlySpan<int> indices) =>
        FromConfusion(ConfusionMatrix.Compute(truth, predicted, labels, indices));

    /// <summary>Everything here is a function of the confusion matrix.</summary>
    public static SingleLabelMetrics FromConfusion(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var k = confusion.ClassCount;
        var perClass = new ClassMetrics[k];
        var correct = 0;
        var recallSum = 0.0;
        var presentClasses = 0;
        for (var c = 0; c < k; c++)
        {
            var tp = confusion[c, c];
            var support = confusion.RowTotal(c);
            perClass[c] = Prf.ForClass(confusion.Labels[c], tp, confusion.ColumnTotal(c) - tp, support - tp);
            correct += tp;
            if (support > 0)
            {
                recallSum += perClass[c].Recall;
                presentClasses++;
            }
        }

        var classes = Array.AsReadOnly(perClass);
        return new SingleLabelMetrics(
            confusion.Labels,
            confusion,
            confusion.Total,
            Prf.Divide(correct, confusion.Total),
            presentClasses == 0 ? 0.0 : recallSum / presentClasses,
            classes,
            Prf.Macro(classes),
            Prf.Weighted(classes),
            Prf.Micro(classes));
    }

    /// <summary>sklearn-style classification report; see <see cref="ClassificationReport"/>.</summary>
    public string Report(int digits = ClassificationReport.DefaultDigits) => ClassificationReport.Format(this, digits);
}
