namespace OrleansGenres.Ml.Data;

/// <summary>
/// Turns a path written in a manifest into one that is guaranteed to stay inside the dataset folder: manifests are
/// user input, and no user input may make the service read outside the dataset root.
/// </summary>
internal static class DatasetPath
{
    /// <summary>
    /// Normalises <paramref name="raw"/> ('\' → '/', no '.', '..' or empty segments) and resolves it under
    /// <paramref name="root"/>; returns the reason instead when it is absolute or climbs out of the folder.
    /// Symbolic links inside the folder are the dataset owner's business and are not followed here.
    /// </summary>
    public static bool TryResolve(string root, string raw, out string relativePath, out string fullPath, out string error)
    {
        relativePath = fullPath = error = string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            error = "empty path";
            return false;
        }

        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            error = "path contains a NUL character";
            return false;
        }

        // Backslashes are separators in manifests written on Windows.
        var path = raw.Replace('\\', '/');
        var hasDrive = path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':';
        if (path.StartsWith('/') || hasDrive || Path.IsPathRooted(raw))
        {
            error = $"absolute path '{raw}' is not allowed: paths are relative to the dataset folder";
            return false;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    error = $"path '{raw}' escapes the dataset folder";
                    return false;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        if (segments.Count == 0)
        {
            error = $"path '{raw}' names the dataset folder itself, not a file";
            return false;
        }

        relativePath = string.Join('/', segments);
        fullPath = Path.GetFullPath(Path.Combine(root, relativePath));

        // Defence in depth: whatever the rules above missed, the result must still lie under the root.
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        if (!fullPath.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            error = $"path '{raw}' escapes the dataset folder";
            return false;
        }

        return true;
    }
}
