using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Host.Api;

/// <summary>
/// The answer to <c>POST /api/models/compare</c>: the members of <c>genres compare --json</c> (metric, tracks, each
/// model's bootstrap interval, every pair's paired bootstrap and McNemar test, the text table) in the same JSON
/// dialect, so the two can be diffed, plus which dataset version and part the models ran on. Models are keyed by
/// version id (<c>name@sha12</c>).
/// </summary>
public sealed record ModelComparisonResponse(
    string Dataset,
    string DatasetVersion,
    string Split,
    int? Fold,
    string Metric,
    int Tracks,
    IReadOnlyDictionary<string, BootstrapInterval> Models,
    IReadOnlyList<PairwiseComparison> Pairs,
    string Text)
{
    public static ModelComparisonResponse From(ModelComparisonResult result) => new(
        result.Dataset,
        result.DatasetVersion,
        result.Split.ToString().ToLowerInvariant(),
        result.Fold,
        result.Report.Metric,
        result.Report.Tracks,
        result.Report.Models,
        result.Report.Pairs,
        result.Report.Text);
}
