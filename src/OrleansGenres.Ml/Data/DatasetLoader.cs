namespace OrleansGenres.Ml.Data;

/// <summary>Opens a dataset from whatever a user points at: a manifest file, a folder holding <c>manifest.csv</c>, or a folder per class.</summary>
public static class DatasetLoader
{
    public static async Task<Dataset> LoadAsync(string path, ManifestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return await ManifestLoader.LoadAsync(path, options, cancellationToken).ConfigureAwait(false);
        }

        if (!Directory.Exists(path))
        {
            throw new DatasetException(new DatasetProblem(Path.GetFullPath(path), null, "no dataset here: neither a manifest nor a folder"));
        }

        var manifest = Path.Combine(path, ManifestLoader.DefaultFileName);
        return File.Exists(manifest)
            ? await ManifestLoader.LoadAsync(manifest, options, cancellationToken).ConfigureAwait(false)
            : await FolderDatasetLoader.LoadAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
