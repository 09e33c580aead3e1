using OrleansGenres.Ml.Data;

using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// Dataset versions materialised to a local folder (<c>{root}/{tenant}/{version}/{name}</c>: the folder is
/// named like the dataset because the Ml layer names a dataset after its folder) for the Ml layer, which
/// reads files: training jobs and comparisons of one version share one copy. Versions never change, so a complete
/// folder is reused as is; a copy is written to a private staging folder and renamed into place, so two processes on
/// one machine never see half a copy (the loser of the rename race uses the winner's folder).
/// </summary>
public sealed class DatasetFolderCache(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>
    /// The version loaded as a <see cref="Dataset"/> from its local copy (made if absent).
    /// <see cref="KeyNotFoundException"/> when the tenant has no such version.
    /// </summary>
    public async Task<Dataset> LoadAsync(DatasetCatalog catalog, string name, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        DatasetName.Validate(name);
        if (!DatasetName.IsValidVersion(version))
        {
            throw new ArgumentException($"'{version}' is not a dataset version.", nameof(version));
        }

        var final = Path.Combine(Root, catalog.Tenant.Value, version, name);
        var manifest = Path.Combine(final, ManifestLoader.DefaultFileName);
        if (!File.Exists(manifest))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            var staging = Path.Combine(Root, $".staging-{Guid.NewGuid():N}");
            try
            {
                await catalog.MaterializeAsync(name, version, staging, cancellationToken).ConfigureAwait(false);
                try
                {
                    Directory.Move(staging, final);
                }
                catch (IOException) when (File.Exists(manifest))
                {
                    // Another process materialised the same version first.
                }
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }

        return await DatasetLoader.LoadAsync(manifest, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
