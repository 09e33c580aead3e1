namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Chooses, independently for each class, the threshold that maximises that class's F1 on validation data
/// (predict when <c>score &gt;= threshold</c>). Maximising each class's own F1 also maximises macro F1, which is the
/// sum of them. Ties go to the highest threshold: among equally good choices it predicts the fewest tags.
/// </summary>
public static class ThresholdTuner
{
    public static TunedThresholds Tune(
        float[,] scores,
        bool[,] truth,
        IReadOnlyList<string> labels,
        ThresholdSearch search = ThresholdSearch.DistinctScores,
        float fallback = Thresholding.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(truth);
        var names = EvaluationInput.Copy(labels, nameof(labels));
        var (n, k) = (scores.GetLength(0), scores.GetLength(1));
        if (k != names.Count || truth.GetLength(1) != k || truth.GetLength(0) != n)
        {
            throw new ArgumentException(
                $"Scores [{n}, {k}], truth [{truth.GetLength(0)}, {truth.GetLength(1)}] and {names.Count} labels " +
                "do not match.", nameof(truth));
        }

        if (n == 0)
        {
            throw new ArgumentException("No validation items.", nameof(scores));
        }

        var thresholds = new float[k];
        var f1 = new double[k];
        var tuned = new bool[k];
        var column = new (float Score, bool Positive)[n];
        for (var c = 0; c < k; c++)
        {
            var positives = 0;
            for (var i = 0; i < n; i++)
            {
                if (float.IsNaN(scores[i, c]))
                {
                    throw new ArgumentException($"Score [{i}, {c}] is NaN.", nameof(scores));
                }

                column[i] = (scores[i, c], truth[i, c]);
                positives += truth[i, c] ? 1 : 0;
            }

            // With no positive every threshold scores F1 = 0, so there is nothing to learn: keep the fallback.
            if (positives == 0)
            {
                thresholds[c] = fallback;
                continue;
            }

            (thresholds[c], f1[c]) = search == ThresholdSearch.Grid
                ? BestOnGrid(column, positives)
                : BestOnDistinctScores(column, positives, midpoint: search == ThresholdSearch.Midpoints);
            tuned[c] = true;
        }

        return new TunedThresholds(
            names, Array.AsReadOnly(thresholds), Array.AsReadOnly(f1), Array.AsReadOnly(tuned), search);
    }

    public static TunedThresholds Tune(
        float[][] scores,
        bool[][] truth,
        IReadOnlyList<string> labels,
        ThresholdSearch search = ThresholdSearch.DistinctScores,
        float fallback = Thresholding.DefaultThreshold) =>
        Tune(
            EvaluationInput.ToRectangular(scores, nameof(scores)),
            EvaluationInput.ToRectangular(truth, nameof(truth)),
            labels,
            search,
            fallback);

    /// <summary>
    /// One sweep from the highest score down: lowering the threshold to the next distinct score adds that group of
    /// tied items to the predicted positives, so TP and FP accumulate and each candidate costs O(1) after the sort.
    /// </summary>
    private static (float Threshold, double F1) BestOnDistinctScores((float Score, bool Positive)[] column, int positives, bool midpoint)
    {
        Array.Sort(column, static (a, b) => b.Score.CompareTo(a.Score));
        var best = (Threshold: column[0].Score, F1: -1.0);
        var bestEnd = 0; // index just past the best cut's tied group
        int tp = 0, fp = 0;
        for (var i = 0; i < column.Length;)
        {
            var score = column[i].Score;
            for (; i < column.Length && column[i].Score == score; i++)
            {
                if (column[i].Positive)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }

            var f1 = F1(tp, fp, positives - tp);
            if (f1 > best.F1)
            {
                best = (score, f1);
                bestEnd = i;
            }
        }

        if (midpoint && bestEnd < column.Length)
        {
            // Same split of the validation items, threshold centred in the gap below the cut.
            best.Threshold = (best.Threshold + column[bestEnd].Score) / 2;
        }

        return best;
    }

    private static (float Threshold, double F1) BestOnGrid((float Score, bool Positive)[] column, int positives)
    {
        var best = (Threshold: 0f, F1: -1.0);
        for (var step = 19; step >= 1; step--)
        {
            var threshold = (float)(step / 20.0);
            int tp = 0, fp = 0;
            foreach (var (score, positive) in column)
            {
                if (score >= threshold)
                {
                    if (positive)
                    {
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }
            }

            var f1 = F1(tp, fp, positives - tp);
            if (f1 > best.F1)
            {
                best = (threshold, f1);
            }
        }

        return best;
    }

    private static double F1(int tp, int fp, int fn) =>
        Prf.F1(Prf.Divide(tp, tp + fp), Prf.Divide(tp, tp + fn));
}
