using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Experiments;

using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>A finished comparison: which dataset version and part the models ran on, and the report (models named by version id).</summary>
public sealed record ModelComparisonResult(string Dataset, string DatasetVersion, SplitPart Split, int? Fold, ModelComparisonReport Report);
