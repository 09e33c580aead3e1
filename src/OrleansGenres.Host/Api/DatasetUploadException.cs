namespace OrleansGenres.Host.Api;

/// <summary>A dataset upload that cannot be imported, with every problem found (the client fixes them in one round).</summary>
public sealed class DatasetUploadException(IReadOnlyList<string> problems)
    : Exception($"{problems.Count} problem(s): {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
