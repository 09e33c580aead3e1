namespace OrleansGenres.Grains;

/// <summary>Names of the grain storage providers the host registers (Azure Blob, or local files in the embedded silo).</summary>
public static class GrainStorageNames
{
    /// <summary>Track grains and the per-tenant track index shards.</summary>
    public const string Tracks = "tracks";
}
