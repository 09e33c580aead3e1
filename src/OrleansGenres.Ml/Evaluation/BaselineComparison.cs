using System.Globalization;
using System.Text;

namespace OrleansGenres.Ml.Evaluation;

/// <summary>A model's headline metrics beside the majority-class and random-prior baselines.</summary>
public sealed record BaselineComparison(SingleLabelMetrics Model, MajorityBaseline Majority, RandomBaseline Random)
{
    /// <summary>
    /// <code>
    ///                  accuracy  balanced accuracy  macro F1
    /// model                0.82               0.79      0.78
    /// majority (rock)      0.40               0.33      0.19
    /// random (prior)       0.28               0.33      0.27
    /// </code>
    /// </summary>
    public string Format(int digits = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        (string Name, double Accuracy, double Balanced, double MacroF1)[] rows =
        [
            ("model", Model.Accuracy, Model.BalancedAccuracy, Model.Macro.F1),
            ($"majority ({Majority.Label})", Majority.Metrics.Accuracy, Majority.Metrics.BalancedAccuracy,
                Majority.Metrics.Macro.F1),
            ("random (prior)", Random.Accuracy, Random.BalancedAccuracy, Random.MacroF1),
        ];
        string[] headers = ["accuracy", "balanced accuracy", "macro F1"];
        var nameWidth = rows.Max(r => r.Name.Length);
        var format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder(string.Empty.PadLeft(nameWidth));
        foreach (var header in headers)
        {
            text.Append("  ").Append(header);
        }

        text.Append('\n');
        foreach (var (name, accuracy, balanced, macroF1) in rows)
        {
            text.Append(name.PadRight(nameWidth));
            double[] values = [accuracy, balanced, macroF1];
            for (var i = 0; i < values.Length; i++)
            {
                text.Append("  ").Append(
                    values[i].ToString(format, CultureInfo.InvariantCulture).PadLeft(headers[i].Length));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
