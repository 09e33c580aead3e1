namespace OrleansGenres.Ml.Data;

/// <summary>The column names a manifest header gives meaning to (matched case-insensitively).</summary>
public static class ManifestColumns
{
    public const string Path = "path";
    public const string Labels = "labels";
    public const string Split = "split";
    public const string Fold = "fold";

    /// <summary>Separates the labels of one entry.</summary>
    public const char LabelSeparator = ';';
}
