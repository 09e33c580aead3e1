namespace OrleansGenres.Storage.Local;

/// <summary>
/// Where things live under the data folder. Keys are validated before they get here, and the
/// suffixes contain '~', which keys cannot, so an object file never collides with a folder of longer keys:
/// <code>
/// objects/&lt;key&gt;.~obj        one object: header + content (ObjectFile)
/// objects/…/*.~tmp-&lt;id&gt;      a write in progress, renamed over the object when committed
/// locks/objects-NN.lock        cross-process lock stripes (FileLockStripes)
/// </code>
/// </summary>
internal sealed class LocalLayout(string root)
{
    public const string ObjectSuffix = ".~obj";
    private const string TempMarker = ".~tmp-";

    public string Root { get; } = Path.GetFullPath(root);

    public string ObjectsRoot => Path.Combine(Root, "objects");

    public string LocksRoot => Path.Combine(Root, "locks");

    /// <summary>The object file of a validated key.</summary>
    public string ObjectPath(string key) => Path.Combine(ObjectsRoot, key.Replace('/', Path.DirectorySeparatorChar)) + ObjectSuffix;

    /// <summary>The folder to start a listing from: the prefix up to its last '/' (a validated prefix).</summary>
    public string ListingRoot(string prefix)
    {
        int lastSlash = prefix.LastIndexOf('/');
        return lastSlash < 0 ? ObjectsRoot : Path.Combine(ObjectsRoot, prefix[..lastSlash].Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>The key of an object file, or null for anything else found under objects/.</summary>
    public string? KeyOf(string objectFile)
    {
        if (!objectFile.EndsWith(ObjectSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        string relative = Path.GetRelativePath(ObjectsRoot, objectFile[..^ObjectSuffix.Length]);
        string key = relative.Replace(Path.DirectorySeparatorChar, '/');
        return ObjectKey.IsValid(key) ? key : null;
    }

    /// <summary>A unique sibling of <paramref name="path"/> (same folder, so the final rename is atomic).</summary>
    public static string TempPathBeside(string path) => path + TempMarker + Guid.NewGuid().ToString("N");

    public static bool IsTempFile(string path) => path.Contains(TempMarker, StringComparison.Ordinal);
}
