using System.Globalization;
using System.Text;

namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Text report in exactly the layout of scikit-learn's <c>classification_report</c> (checked against 1.2), so
/// reports from this service and from Python notebooks can be diffed:
/// <code>
///               precision    recall  f1-score   support
///
///        blues       0.40      0.67      0.50         3
/// ...
///
///     accuracy                           0.38         8
///    macro avg       0.24      0.39      0.30         8
/// weighted avg       0.23      0.38      0.29         8
/// </code>
/// The name column is as wide as the longest label or "weighted avg"; every other column is 9 wide, preceded by
/// one space. Numbers use .NET's "F" format, which since .NET Core 3.0 rounds the exact binary value half to even,
/// like Python's <c>'{:.2f}'</c> (0.625 → 0.62, 0.375 → 0.38).
/// </summary>
public static class ClassificationReport
{
    public const int DefaultDigits = 2;

    private const int ColumnWidth = 9;
    private const string LongestAverageHeading = "weighted avg";

    /// <summary>Per-class rows, then <c>accuracy</c>, <c>macro avg</c> and <c>weighted avg</c>.</summary>
    public static string Format(SingleLabelMetrics metrics, int digits = DefaultDigits)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var text = Begin(metrics.PerClass, digits, out var width);
        // sklearn prints micro avg as "accuracy" with only the F1 column, since micro P = R = F1 = accuracy here.
        text.Append("accuracy".PadLeft(width)).Append(' ')
            .Append(' ').Append(string.Empty.PadLeft(ColumnWidth))
            .Append(' ').Append(string.Empty.PadLeft(ColumnWidth))
            .Append(' ').Append(Number(metrics.Micro.F1, digits))
            .Append(' ').Append(Support(metrics.Micro.Support))
            .Append('\n');
        AppendRow(text, "macro avg", metrics.Macro, width, digits);
        AppendRow(text, "weighted avg", metrics.Weighted, width, digits);
        return text.ToString();
    }

    /// <summary>Per-class rows, then <c>micro avg</c>, <c>macro avg</c>, <c>weighted avg</c> and <c>samples avg</c>.</summary>
    public static string Format(MultiLabelMetrics metrics, int digits = DefaultDigits)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var text = Begin(metrics.PerClass, digits, out var width);
        AppendRow(text, "micro avg", metrics.Micro, width, digits);
        AppendRow(text, "macro avg", metrics.Macro, width, digits);
        AppendRow(text, "weighted avg", metrics.Weighted, width, digits);
        AppendRow(text, "samples avg", metrics.Samples, width, digits);
        return text.ToString();
    }

    private static StringBuilder Begin(IReadOnlyList<ClassMetrics> classes, int digits, out int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        width = Math.Max(Math.Max(classes.Max(c => c.Label.Length), LongestAverageHeading.Length), digits);
        var text = new StringBuilder();
        text.Append(string.Empty.PadLeft(width)).Append(' ');
        foreach (var header in (string[])["precision", "recall", "f1-score", "support"])
        {
            text.Append(' ').Append(header.PadLeft(ColumnWidth));
        }

        text.Append("\n\n");
        foreach (var c in classes)
        {
            AppendRow(text, c.Label, new AveragedMetrics(c.Precision, c.Recall, c.F1, c.Support), width, digits);
        }

        return text.Append('\n');
    }

    private static void AppendRow(StringBuilder text, string heading, AveragedMetrics values, int width, int digits) =>
        text.Append(heading.PadLeft(width)).Append(' ')
            .Append(' ').Append(Number(values.Precision, digits))
            .Append(' ').Append(Number(values.Recall, digits))
            .Append(' ').Append(Number(values.F1, digits))
            .Append(' ').Append(Support(values.Support))
            .Append('\n');

    private static string Number(double value, int digits) =>
        value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .PadLeft(ColumnWidth);

    private static string Support(int support) =>
        support.ToString(CultureInfo.InvariantCulture).PadLeft(ColumnWidth);
}
