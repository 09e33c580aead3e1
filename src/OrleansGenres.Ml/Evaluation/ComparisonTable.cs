using System.Globalization;
using System.Text;

namespace OrleansGenres.Ml.Evaluation;

/// <summary>Every pair of the compared models, in input order (A before B, A = earlier model).</summary>
public sealed record ComparisonTable(IReadOnlyList<string> Models, IReadOnlyList<PairwiseComparison> Pairs)
{
    /// <summary>The comparison of two named models in either order (the difference is A − B as stored).</summary>
    public PairwiseComparison Get(string modelA, string modelB) =>
        Pairs.FirstOrDefault(p => (p.ModelA == modelA && p.ModelB == modelB) || (p.ModelA == modelB && p.ModelB == modelA))
        ?? throw new KeyNotFoundException($"No comparison of '{modelA}' and '{modelB}'.");

    /// <summary>
    /// One line per pair:
    /// <code>
    /// A       B       metric A  metric B  diff A-B  95% CI              p boot  p McNemar
    /// cnn     resnet     0.812     0.774     0.038  [0.012, 0.064]      0.004      0.010
    /// </code>
    /// McNemar's column is "-" where a model gave no per-track correctness.
    /// </summary>
    public string Format(int digits = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        var format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        string Number(double value) => value.ToString(format, CultureInfo.InvariantCulture);

        var level = Pairs.Count == 0 ? Bootstrap.DefaultLevel : Pairs[0].Bootstrap.Level;
        string[] headers =
        [
            "A", "B", "metric A", "metric B", "diff A-B",
            (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "% CI", "p boot", "p McNemar",
        ];
        var rows = Pairs.Select(p => new[]
        {
            p.ModelA,
            p.ModelB,
            Number(p.Bootstrap.EstimateA),
            Number(p.Bootstrap.EstimateB),
            Number(p.Bootstrap.Difference),
            $"[{Number(p.Bootstrap.Lower)}, {Number(p.Bootstrap.Upper)}]",
            Number(p.Bootstrap.PValue),
            p.McNemar is null ? "-" : Number(p.McNemar.PValue),
        }).ToList();

        var widths = headers.Select((h, j) => rows.Select(r => r[j].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(headers))
        {
            for (var j = 0; j < row.Length; j++)
            {
                // Names and the interval read left-aligned; numbers right-aligned.
                var leftAligned = j is 0 or 1 or 5;
                text.Append(j == 0 ? string.Empty : "  ")
                    .Append(leftAligned ? row[j].PadRight(widths[j]) : row[j].PadLeft(widths[j]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
