namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Metrics of a multi-label tagger from indicator matrices <c>[item, class]</c>, with scikit-learn's semantics and
/// <c>zero_division=0</c>.
/// </summary>
/// <param name="Count">Items (rows) evaluated.</param>
/// <param name="Samples">
/// Precision, recall and F1 computed per item and averaged over items (sklearn's <c>average='samples'</c>). An item
/// with no true and no predicted tag scores 0 on all three (zero_division=0), not 1.
/// </param>
/// <param name="SubsetAccuracy">Fraction of items whose predicted tag set equals the true set exactly.</param>
/// <param name="HammingLoss">Fraction of (item, class) cells predicted wrongly.</param>
public sealed record MultiLabelMetrics(
    IReadOnlyList<string> Labels,
    int Count,
    IReadOnlyList<ClassMetrics> PerClass,
    AveragedMetrics Micro,
    AveragedMetrics Macro,
    AveragedMetrics Weighted,
    AveragedMetrics Samples,
    double SubsetAccuracy,
    double HammingLoss)
{
    public static MultiLabelMetrics Compute(bool[,] truth, bool[,] predicted, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return Compute(truth, predicted, labels, EvaluationInput.Identity(truth.GetLength(0)));
    }

    public static MultiLabelMetrics Compute(bool[][] truth, bool[][] predicted, IReadOnlyList<string> labels) =>
        Compute(
            EvaluationInput.ToRectangular(truth, nameof(truth)),
            EvaluationInput.ToRectangular(predicted, nameof(predicted)),
            labels);

    /// <summary>Metrics of the rows at <paramref name="indices"/> (may repeat: a bootstrap resample).</summary>
    public static MultiLabelMetrics Compute(
        bool[,] truth, bool[,] predicted, IReadOnlyList<string> labels, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        var names = EvaluationInput.Copy(labels, nameof(labels));
        var k = names.Count;
        if (truth.GetLength(1) != k || predicted.GetLength(1) != k)
        {
            throw new ArgumentException(
                $"Expected {k} columns (one per label), got {truth.GetLength(1)} true and " +
                $"{predicted.GetLength(1)} predicted.", nameof(predicted));
        }

        if (truth.GetLength(0) != predicted.GetLength(0))
        {
            throw new ArgumentException(
                $"{truth.GetLength(0)} true rows but {predicted.GetLength(0)} predicted rows.", nameof(predicted));
        }

        EvaluationInput.CheckIndices(indices, truth.GetLength(0), nameof(indices));

        var tp = new int[k];
        var fp = new int[k];
        var fn = new int[k];
        double samplePrecision = 0, sampleRecall = 0, sampleF1 = 0;
        var exact = 0;
        long wrongCells = 0;
        foreach (var i in indices)
        {
            int rowTp = 0, rowTrue = 0, rowPredicted = 0;
            for (var c = 0; c < k; c++)
            {
                var t = truth[i, c];
                var p = predicted[i, c];
                if (t && p)
                {
                    tp[c]++;
                    rowTp++;
                }
                else if (p)
                {
                    fp[c]++;
                }
                else if (t)
                {
                    fn[c]++;
                }

                rowTrue += t ? 1 : 0;
                rowPredicted += p ? 1 : 0;
            }

            var precision = Prf.Divide(rowTp, rowPredicted);
            var recall = Prf.Divide(rowTp, rowTrue);
            samplePrecision += precision;
            sampleRecall += recall;
            sampleF1 += Prf.F1(precision, recall);
            var rowWrong = rowTrue + rowPredicted - 2 * rowTp;
            wrongCells += rowWrong;
            exact += rowWrong == 0 ? 1 : 0;
        }

        var perClass = new ClassMetrics[k];
        for (var c = 0; c < k; c++)
        {
            perClass[c] = Prf.ForClass(names[c], tp[c], fp[c], fn[c]);
        }

        var classes = Array.AsReadOnly(perClass);
        var n = indices.Length;
        var micro = Prf.Micro(classes);
        return new MultiLabelMetrics(
            names,
            n,
            classes,
            micro,
            Prf.Macro(classes),
            Prf.Weighted(classes),
            new AveragedMetrics(samplePrecision / n, sampleRecall / n, sampleF1 / n, micro.Support),
            (double)exact / n,
            (double)wrongCells / ((long)n * k));
    }

    /// <summary>sklearn-style classification report; see <see cref="ClassificationReport"/>.</summary>
    public string Report(int digits = ClassificationReport.DefaultDigits) => ClassificationReport.Format(this, digits);
}
