namespace OrleansGenres.Grains;

/// <summary>Names of the grain storage providers the host registers (Azure Blob, or local files in the embedded silo).</summary>
public static class GrainStorageNames
{
    /// <summary>Track grains and the per-tenant track index shards.</summary>
    public const string Tracks = "tracks";

    /// <summary>Training-job grains and the per-tenant job indexes.</summary>
    public const string Training = "training";

    /// <summary>Model registry grains (versions, active version, re-tag job).</summary>
    public const string Models = "models";

    /// <summary>Dataset catalogue grains.</summary>
    public const string Datasets = "datasets";

    /// <summary>Every name above: each host registers the same provider under all of them.</summary>
    public static IReadOnlyList<string> All { get; } = [Tracks, Training, Models, Datasets];
}
