using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Ml.Data;
using OrleansGenres.Storage;

using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// One tenant's datasets: files in the blob store, entries in the tenant's <see cref="IDatasetIndex"/> (its catalogue
/// grain). A dataset is a name with immutable versions; a version's id is the Ml layer's dataset version (hash of manifest
/// and content), so importing the same data twice is a no-op. Audio is stored by content hash (shared by versions), then
/// the version's manifest and description, and the catalogue entry last: a listed version always has its files.
/// </summary>
public sealed partial class DatasetCatalog(TenantId tenant, DatasetCatalogServices services)
{
    // Hashing is I/O- and CPU-bound; the host shares its cores with analysis and training.
    private const int HashParallelism = 2;

    public TenantId Tenant { get; } = tenant;

    /// <summary>The catalogue, or null when the tenant has never imported anything.</summary>
    public Task<DatasetCatalogState?> GetAsync(CancellationToken cancellationToken = default) =>
        services.Index.GetAsync(Tenant, cancellationToken);

    /// <summary>The dataset and its versions, or null when the tenant has none by that name.</summary>
    public async Task<CatalogedDataset?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        DatasetName.IsValid(name) ? (await GetAsync(cancellationToken).ConfigureAwait(false))?.Find(name) : null;

    /// <summary>
    /// Imports <paramref name="dataset"/> (already loaded and checked by <see cref="ManifestLoader"/> or
    /// <see cref="FolderDatasetLoader"/>; entries' <see cref="DatasetEntry.FullPath"/> must be readable) as a version of
    /// <paramref name="name"/>. <see cref="ArgumentException"/> for an invalid name.
    /// </summary>
    public async Task<DatasetImportOutcome> ImportAsync(string name, Dataset dataset, CancellationToken cancellationToken = default)
    {
        DatasetName.Validate(name);
        ArgumentNullException.ThrowIfNull(dataset);
        var version = await DatasetVersioning.ComputeAsync(dataset, HashParallelism, cancellationToken).ConfigureAwait(false);
        if ((await FindAsync(name, cancellationToken).ConfigureAwait(false))?.Find(version.Id) is { } existing)
        {
            return new DatasetImportOutcome(name, existing, Created: false);
        }

        var files = new List<DatasetFile>(dataset.Entries.Count);
        foreach (var entry in dataset.Entries.OrderBy(e => e.RelativePath, StringComparer.Ordinal))
        {
            var sha256 = version.ContentHashOf(entry);
            var bytes = await StoreAudioAsync(sha256, entry.FullPath, cancellationToken).ConfigureAwait(false);
            files.Add(new DatasetFile(entry.RelativePath, sha256, bytes));
        }

        var description = new DatasetDescription
        {
            Name = name,
            Version = version.Id,
            CreatedAt = services.Clock.GetUtcNow(),
            Tracks = dataset.Entries.Count,
            TotalBytes = files.Sum(f => f.Bytes),
            MultiLabel = dataset.IsMultiLabel,
            Labels = [.. dataset.LabelCounts.Select(pair => new DatasetLabelCount(pair.Key, pair.Value))],
            Splits = [.. dataset.Entries.Where(e => e.Split is not null).Select(e => e.Split!.Value).Distinct().Order().Select(s => s.ToString().ToLowerInvariant())],
            Folds = dataset.Folds,
            ExtraColumns = dataset.ExtraColumns,
            Files = files,
        };
        await services.Objects.PutBytesAsync(
            DatasetKeys.Manifest(Tenant, name, version.Id), DatasetManifestWriter.Write(dataset), new PutOptions { ContentType = "text/csv; charset=utf-8" }, cancellationToken).ConfigureAwait(false);
        // The description last: a version folder with a description is complete.
        await services.Objects.PutJsonAsync(DatasetKeys.Description(Tenant, name, version.Id), description, ct: cancellationToken).ConfigureAwait(false);
        var added = await services.Index.AddAsync(Tenant, name, description.ToEntry(), cancellationToken).ConfigureAwait(false);
        LogImported(services.Logger, Tenant.Value, name, version.Id, description.Tracks, added.Created);
        return new DatasetImportOutcome(name, added.Version, added.Created);
    }

    /// <summary>The version's description, or null when the tenant has no such dataset version.</summary>
    public async Task<DatasetDescription?> DescribeAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        if (!DatasetName.IsValid(name) || !DatasetName.IsValidVersion(version)
            || (await FindAsync(name, cancellationToken).ConfigureAwait(false))?.Find(version) is null)
        {
            return null;
        }

        return (await services.Objects.GetJsonAsync<DatasetDescription>(DatasetKeys.Description(Tenant, name, version), ct: cancellationToken).ConfigureAwait(false))?.Value
            ?? throw new StorageException($"Dataset {name}@{version} is listed but its description is missing.");
    }

    /// <summary>
    /// Writes the version into <paramref name="folder"/> (created if absent) as <c>manifest.csv</c> plus each file at its
    /// manifest path, every file checked against its content hash: what <c>DatasetLoader</c> and training read, and it
    /// loads as the same version. Returns the manifest's path; <see cref="KeyNotFoundException"/> for an unknown version.
    /// </summary>
    public async Task<string> MaterializeAsync(string name, string version, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var description = await DescribeAsync(name, version, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Tenant '{Tenant}' has no dataset version {name}@{version}.");
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        foreach (var file in description.Files)
        {
            // Paths were normalised on import; checked again because they began as user input.
            var target = Path.GetFullPath(Path.Combine(root, file.Path));
            if (!target.StartsWith(rootWithSeparator, StringComparison.Ordinal) || Path.IsPathRooted(file.Path))
            {
                throw new StorageException($"Dataset {name}@{version} names a file outside its folder: '{file.Path}'.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await DownloadAudioAsync(file.Sha256, target, cancellationToken).ConfigureAwait(false);
        }

        var manifest = Path.Combine(root, ManifestLoader.DefaultFileName);
        var bytes = await services.Objects.GetBytesAsync(DatasetKeys.Manifest(Tenant, name, version), cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException($"Dataset {name}@{version} is listed but its manifest is missing.");
        await File.WriteAllBytesAsync(manifest, bytes.Value, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    // Content-addressed and create-only: a second import of the same bytes (any name, any version) writes nothing.
    private async Task<long> StoreAudioAsync(string sha256, string path, CancellationToken cancellationToken)
    {
        var key = DatasetKeys.Audio(Tenant, sha256);
        if (await services.Objects.GetPropertiesAsync(key, cancellationToken).ConfigureAwait(false) is { } present)
        {
            return present.Length;
        }

        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            await services.Objects.PutAsync(key, content, new PutOptions { IfNoneMatch = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (PreconditionFailedException)
        {
            // A concurrent import stored the same bytes first.
        }

        return content.Length;
    }

    private async Task DownloadAudioAsync(string sha256, string target, CancellationToken cancellationToken)
    {
        var stored = await services.Objects.GetAsync(DatasetKeys.Audio(Tenant, sha256), cancellationToken).ConfigureAwait(false)
            ?? throw new StorageException($"Audio {sha256} of a dataset of tenant '{Tenant}' is missing.");
        await using (stored.ConfigureAwait(false))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await stored.Content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
            {
                File.Delete(target);
                throw new StorageException($"Audio {sha256} of tenant '{Tenant}' does not match its hash.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Tenant}/{Name}@{Version} imported ({Tracks} tracks, new: {Created})")]
    private static partial void LogImported(ILogger logger, string tenant, string name, string version, int tracks, bool created);
}
