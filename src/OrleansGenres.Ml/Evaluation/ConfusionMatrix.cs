using System.Globalization;
using System.Text;

namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Counts of (true class, predicted class) pairs: rows are truth, columns are predictions, as in sklearn's
/// <c>confusion_matrix</c>. Immutable; <see cref="ToArray"/> gives a copy of the counts.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    private ConfusionMatrix(IReadOnlyList<string> labels, int[,] counts, int total)
    {
        Labels = labels;
        _counts = counts;
        Total = total;
    }

    public IReadOnlyList<string> Labels { get; }

    public int ClassCount => Labels.Count;

    /// <summary>Number of items counted (the resample size when built from indices).</summary>
    public int Total { get; }

    /// <summary>Items of true class <paramref name="truth"/> predicted as <paramref name="predicted"/>.</summary>
    public int this[int truth, int predicted] => _counts[truth, predicted];

    /// <summary>Items whose true class is <paramref name="truth"/> (the class's support).</summary>
    public int RowTotal(int truth)
    {
        var sum = 0;
        for (var j = 0; j < ClassCount; j++)
        {
            sum += _counts[truth, j];
        }

        return sum;
    }

    /// <summary>Items predicted as <paramref name="predicted"/>.</summary>
    public int ColumnTotal(int predicted)
    {
        var sum = 0;
        for (var i = 0; i < ClassCount; i++)
        {
            sum += _counts[i, predicted];
        }

        return sum;
    }

    public int[,] ToArray() => (int[,])_counts.Clone();

    /// <summary>Confusion matrix of every item; class ids index <paramref name="labels"/>.</summary>
    public static ConfusionMatrix Compute(int[] truth, int[] predicted, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return Compute(truth, predicted, labels, EvaluationInput.Identity(truth.Length));
    }

    /// <summary>
    /// Confusion matrix of the items at <paramref name="indices"/>, which may repeat (a bootstrap resample counts
    /// an item once per occurrence).
    /// </summary>
    public static ConfusionMatrix Compute(
        int[] truth, int[] predicted, IReadOnlyList<string> labels, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Length != predicted.Length)
        {
            throw new ArgumentException(
                $"{truth.Length} true classes but {predicted.Length} predictions.", nameof(predicted));
        }

        var names = EvaluationInput.Copy(labels, nameof(labels));
        EvaluationInput.CheckIndices(indices, truth.Length, nameof(indices));
        var k = names.Count;
        var counts = new int[k, k];
        foreach (var i in indices)
        {
            var t = truth[i];
            var p = predicted[i];
            if ((uint)t >= (uint)k)
            {
                throw new ArgumentOutOfRangeException(nameof(truth), t, $"Class id of item {i} outside [0, {k}).");
            }

            if ((uint)p >= (uint)k)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(predicted), p, $"Class id of item {i} outside [0, {k}).");
            }

            counts[t, p]++;
        }

        return new ConfusionMatrix(names, counts, indices.Length);
    }

    /// <summary>
    /// Text table, truth down the side and predictions across, columns right-aligned:
    /// <code>
    /// true\pred  blues  jazz  rock
    ///     blues      2     1     0
    /// </code>
    /// With <paramref name="normalize"/> each row is divided by its total (recall on the diagonal; a class absent
    /// from truth shows zeros) and printed with <paramref name="digits"/> decimals.
    /// </summary>
    public string Format(bool normalize = false, int digits = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        const string corner = "true\\pred";
        var k = ClassCount;
        var cells = new string[k, k];
        for (var i = 0; i < k; i++)
        {
            var rowTotal = RowTotal(i);
            for (var j = 0; j < k; j++)
            {
                cells[i, j] = normalize
                    ? Prf.Divide(_counts[i, j], rowTotal).ToString("F" + digits, CultureInfo.InvariantCulture)
                    : _counts[i, j].ToString(CultureInfo.InvariantCulture);
            }
        }

        var nameWidth = Math.Max(corner.Length, Labels.Max(l => l.Length));
        var widths = new int[k];
        for (var j = 0; j < k; j++)
        {
            widths[j] = Labels[j].Length;
            for (var i = 0; i < k; i++)
            {
                widths[j] = Math.Max(widths[j], cells[i, j].Length);
            }
        }

        var text = new StringBuilder();
        text.Append(corner.PadLeft(nameWidth));
        for (var j = 0; j < k; j++)
        {
            text.Append("  ").Append(Labels[j].PadLeft(widths[j]));
        }

        text.Append('\n');
        for (var i = 0; i < k; i++)
        {
            text.Append(Labels[i].PadLeft(nameWidth));
            for (var j = 0; j < k; j++)
            {
                text.Append("  ").Append(cells[i, j].PadLeft(widths[j]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public override string ToString() => Format();
}
