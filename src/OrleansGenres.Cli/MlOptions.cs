using System.CommandLine;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Features;

namespace OrleansGenres.Cli;

/// <summary>Options of the model verbs (train, eval, tag, compare), defined once.</summary>
internal static class MlOptions
{
    public static Option<string> Dataset() => new("--dataset", "-d")
    {
        Description = "A manifest.csv, a folder holding one, or a folder per class.",
        Required = true,
    };

    public static Option<string?> Cache() => new("--cache")
    {
        Description = "Feature cache folder (default: $GENRES_CACHE or ~/.cache/orleansgenres/features).",
    };

    public static Option<int?> Fold() => new("--fold")
    {
        Description = "Evaluate on this fold of the dataset's fold column (default: the model's test fold).",
    };

    public static Option<SplitPart> Split() => new("--split")
    {
        Description = "Which part to evaluate on: Test, Validation or Train.",
        DefaultValueFactory = _ => SplitPart.Test,
    };

    public static string CacheRoot(string? option) => option ?? FeatureCacheLocation.Default();

    public static Task<Dataset> LoadDatasetAsync(string path, CancellationToken cancellationToken) =>
        DatasetLoader.LoadAsync(path, cancellationToken: cancellationToken);
}
