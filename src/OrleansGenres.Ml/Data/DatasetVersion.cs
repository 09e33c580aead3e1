namespace OrleansGenres.Ml.Data;

/// <summary>
/// Identifies exactly which data a model was trained on: <see cref="Id"/> changes when any entry, label, split value or
/// audio byte changes, and only then. <see cref="FileHashes"/> maps each entry's relative path to its content hash.
/// </summary>
public sealed record DatasetVersion(string Id, IReadOnlyDictionary<string, string> FileHashes)
{
    /// <summary>Hex characters of the SHA-256 kept in <see cref="Id"/>: short enough to read, long enough not to collide.</summary>
    public const int IdLength = 16;

    public string ContentHashOf(DatasetEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return FileHashes[entry.RelativePath];
    }
}
