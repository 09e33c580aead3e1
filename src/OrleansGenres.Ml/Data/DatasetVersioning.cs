using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansGenres.Ml.Data;

/// <summary>
/// Computes a <see cref="DatasetVersion"/>: SHA-256 over the normalised entries (sorted by path; labels, split, fold and
/// extra columns included; the dataset's location excluded, so a moved copy keeps its version) and every file's
/// content hash. Files are hashed in parallel, a bounded number at a time.
/// </summary>
public static class DatasetVersioning
{
    // Bumped if the normalisation below ever changes, so old and new ids cannot be confused.
    private const string FormatTag = "orleansgenres-dataset-version/1";

    public static async Task<DatasetVersion> ComputeAsync(Dataset dataset, int maxParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(maxParallelism);

        var entries = dataset.Entries.OrderBy(entry => entry.RelativePath, StringComparer.Ordinal).ToArray();
        var hashes = new string[entries.Length];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Length), parallel, async (i, token) =>
            hashes[i] = await ContentHash.Sha256Async(entries[i].FullPath, token).ConfigureAwait(false)).ConfigureAwait(false);

        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(digest, FormatTag);
        Append(digest, entries.Length);
        var fileHashes = new Dictionary<string, string>(entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            Append(digest, entry.RelativePath);
            Append(digest, entry.Labels.Count);
            foreach (var label in entry.Labels.Order(StringComparer.Ordinal))
            {
                Append(digest, label);
            }

            Append(digest, entry.Split?.ToString() ?? string.Empty);
            Append(digest, entry.Fold?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            Append(digest, entry.Extra.Count);
            foreach (var (column, value) in entry.Extra.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
            {
                Append(digest, column.ToLowerInvariant());
                Append(digest, value);
            }

            Append(digest, hashes[i]);
            fileHashes[entry.RelativePath] = hashes[i];
        }

        var id = Convert.ToHexStringLower(digest.GetHashAndReset())[..DatasetVersion.IdLength];
        return new DatasetVersion(id, fileHashes.AsReadOnly());
    }

    // Length-prefixed, so no choice of paths or labels can make two different datasets hash the same bytes.
    private static void Append(IncrementalHash digest, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Append(digest, bytes.Length);
        digest.AppendData(bytes);
    }

    private static void Append(IncrementalHash digest, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        digest.AppendData(bytes);
    }
}
