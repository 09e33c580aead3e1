namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Precision / recall / F1 arithmetic shared by the single- and multi-label metrics. It follows scikit-learn's
/// <c>precision_recall_fscore_support</c> formula for formula (same operations, same order), so per-class values
/// agree with sklearn to the last bit and a report rounds them the same way. Averages over 8 or more classes can
/// differ in the last bit, because numpy sums such arrays pairwise.
/// </summary>
internal static class Prf
{
    /// <summary>
    /// num / den, or 0 when den is 0. This is sklearn's <c>zero_division=0</c>: a class never predicted has
    /// precision 0, a class never true has recall 0, so averages stay defined instead of becoming NaN.
    /// </summary>
    public static double Divide(long numerator, long denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;

    /// <summary>Harmonic mean as sklearn computes it, <c>2·P·R / (P + R)</c>, 0 when P + R is 0.</summary>
    public static double F1(double precision, double recall)
    {
        var denominator = precision + recall;
        return denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
    }

    public static ClassMetrics ForClass(string label, int truePositives, int falsePositives, int falseNegatives)
    {
        var precision = Divide(truePositives, truePositives + falsePositives);
        var recall = Divide(truePositives, truePositives + falseNegatives);
        return new ClassMetrics(
            label, precision, recall, F1(precision, recall), truePositives + falseNegatives,
            truePositives, falsePositives, falseNegatives);
    }

    /// <summary>Unweighted mean of the per-class values: every class counts the same, however rare.</summary>
    public static AveragedMetrics Macro(IReadOnlyList<ClassMetrics> classes)
    {
        double precision = 0, recall = 0, f1 = 0;
        var support = 0;
        foreach (var c in classes)
        {
            precision += c.Precision;
            recall += c.Recall;
            f1 += c.F1;
            support += c.Support;
        }

        return new AveragedMetrics(
            precision / classes.Count, recall / classes.Count, f1 / classes.Count, support);
    }

    /// <summary>Per-class values weighted by support; 0 when no class has support (sklearn's zero_division=0).</summary>
    public static AveragedMetrics Weighted(IReadOnlyList<ClassMetrics> classes)
    {
        double precision = 0, recall = 0, f1 = 0;
        var support = 0;
        foreach (var c in classes)
        {
            precision += c.Precision * c.Support;
            recall += c.Recall * c.Support;
            f1 += c.F1 * c.Support;
            support += c.Support;
        }

        return support == 0
            ? new AveragedMetrics(0, 0, 0, 0)
            : new AveragedMetrics(precision / support, recall / support, f1 / support, support);
    }

    /// <summary>Precision / recall / F1 of the pooled counts of every class.</summary>
    public static AveragedMetrics Micro(IReadOnlyList<ClassMetrics> classes)
    {
        long tp = 0, fp = 0, fn = 0;
        foreach (var c in classes)
        {
            tp += c.TruePositives;
            fp += c.FalsePositives;
            fn += c.FalseNegatives;
        }

        var precision = Divide(tp, tp + fp);
        var recall = Divide(tp, tp + fn);
        return new AveragedMetrics(precision, recall, F1(precision, recall), (int)(tp + fn));
    }
}
