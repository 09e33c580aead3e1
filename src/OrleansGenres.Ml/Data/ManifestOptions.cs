namespace OrleansGenres.Ml.Data;

/// <summary>How a manifest is read.</summary>
public sealed record ManifestOptions
{
    public static ManifestOptions Default { get; } = new();

    /// <summary>Check that every listed file exists (on by default; off only for tools that inspect manifests alone).</summary>
    public bool CheckFilesExist { get; init; } = true;

    /// <summary>How many problems the exception lists; all are counted.</summary>
    public int MaxReportedProblems { get; init; } = 20;
}
