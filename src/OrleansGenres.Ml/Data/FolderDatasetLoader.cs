namespace OrleansGenres.Ml.Data;

/// <summary>
/// Reads a dataset laid out as one folder per class: <c>root/&lt;class&gt;/**/file.ext</c>, each file with the single
/// label of its class folder. Files directly in the root and hidden files or folders are ignored.
/// </summary>
public static class FolderDatasetLoader
{
    public static Task<Dataset> LoadAsync(string root, IReadOnlySet<string>? extensions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);

        // Directory enumeration has no async API; keep it off the caller's thread.
        return Task.Run(() => Load(Path.GetFullPath(root), extensions ?? AudioFileExtensions.Common, cancellationToken), cancellationToken);
    }

    private static Dataset Load(string root, IReadOnlySet<string> extensions, CancellationToken cancellationToken)
    {
        root = Path.TrimEndingDirectorySeparator(root);
        if (!Directory.Exists(root))
        {
            throw new DatasetException(new DatasetProblem(root, null, "dataset folder not found"));
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var entries = new List<DatasetEntry>();
        foreach (var classFolder in new DirectoryInfo(root).EnumerateDirectories("*", new EnumerationOptions()))
        {
            var label = classFolder.Name;
            foreach (var file in classFolder.EnumerateFiles("*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!extensions.Contains(file.Extension))
                {
                    continue;
                }

                entries.Add(new DatasetEntry
                {
                    RelativePath = Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'),
                    FullPath = file.FullName,
                    Labels = [label],
                });
            }
        }

        if (entries.Count == 0)
        {
            throw new DatasetException(new DatasetProblem(root, null, "no audio files in class folders (expected root/<class>/<file>)"));
        }

        // Enumeration order depends on the file system; sorting makes the dataset (and everything seeded on it) reproducible.
        entries.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new Dataset(root, entries);
    }
}
