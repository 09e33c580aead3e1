using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OrleansGenres.Storage.Local;

/// <summary>
/// Objects as files under <c>objects/</c> (see <see cref="LocalLayout"/>). Reads need no lock: a write goes to a
/// temporary file first and is renamed over the object, so a reader sees the old or the new object, never half of
/// one. Every write, delete and lease operation checks its conditions and commits under the key's lock stripe, so
/// compare-and-swap is atomic across threads and processes sharing the folder.
/// </summary>
internal sealed class LocalObjectStore(
    LocalLayout layout, FileLockStripes locks, LocalStorageOptions settings, TimeProvider time, ILogger logger) : IObjectStore
{
    public async Task<StoredObject?> GetAsync(string key, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        OpenedObjectFile? opened = await ObjectFile.TryOpenAsync(layout.ObjectPath(key), ct).ConfigureAwait(false);
        return opened is null
            ? null
            : new StoredObject(
                new ContentStream(opened.File, opened.ContentOffset, opened.ContentLength),
                ToProperties(key, opened.Header, opened.ContentLength));
    }

    public async Task<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        var found = await ObjectFile.TryReadHeaderAsync(layout.ObjectPath(key), ct).ConfigureAwait(false);
        return found is { } f ? ToProperties(key, f.Header, f.Length) : null;
    }

    public async Task<ObjectProperties> PutAsync(string key, Stream content, PutOptions? options = null, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        options ??= new PutOptions();
        options.Validate();

        string path = layout.ObjectPath(key);
        var header = new ObjectFileHeader(
            NewETag(),
            options.ContentType ?? PutOptions.DefaultContentType,
            time.GetUtcNow(),
            new Dictionary<string, string>(ObjectMetadata.Copy(options.Metadata), StringComparer.OrdinalIgnoreCase));

        // The content is written outside the lock (it may be large); only the check and the rename are inside it.
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = LocalLayout.TempPathBeside(path);
        try
        {
            long length = await ObjectFile.WriteAsync(temp, header, content, settings.FlushToDisk, ct).ConfigureAwait(false);
            using (await locks.AcquireAsync(key, ct).ConfigureAwait(false))
            {
                var current = await ObjectFile.TryReadHeaderAsync(path, ct).ConfigureAwait(false);
                await ThrowIfLeasedAsync(key, ct).ConfigureAwait(false);
                if (options.IfNoneMatch && current is not null)
                {
                    throw Precondition(key, "an object already exists");
                }

                if (options.IfMatch is { } expected && current?.Header.ETag != expected.Value)
                {
                    throw Precondition(key, current is null ? "there is no object to match" : "the ETag does not match");
                }

                File.Move(temp, path, overwrite: true);
            }

            return ToProperties(key, header, length);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    public async Task<bool> DeleteAsync(string key, ETag? ifMatch = null, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        string path = layout.ObjectPath(key);
        using (await locks.AcquireAsync(key, ct).ConfigureAwait(false))
        {
            var current = await ObjectFile.TryReadHeaderAsync(path, ct).ConfigureAwait(false);
            if (current is null)
            {
                return false;
            }

            await ThrowIfLeasedAsync(key, ct).ConfigureAwait(false);
            if (ifMatch is { } expected && current.Value.Header.ETag != expected.Value)
            {
                throw Precondition(key, "the ETag does not match");
            }

            File.Delete(path);
            File.Delete(layout.LeasePath(key));
            return true;
        }
    }

    public IAsyncEnumerable<ObjectProperties> ListAsync(string prefix, CancellationToken ct = default)
    {
        // Validated here, not in the iterator, so a bad prefix throws at the call.
        ObjectKey.ValidatePrefix(prefix);
        return ListCoreAsync(prefix, ct);
    }

    public async Task<ObjectLease?> TryAcquireLeaseAsync(string key, TimeSpan duration, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        LeaseDuration.Validate(duration);
        string path = layout.ObjectPath(key);
        using (await locks.AcquireAsync(key, ct).ConfigureAwait(false))
        {
            DateTimeOffset now = time.GetUtcNow();
            LeaseRecord? current = await ReadLeaseAsync(key, ct).ConfigureAwait(false);
            if (current is not null && current.IsActiveAt(now))
            {
                return null;
            }

            if (!File.Exists(path))
            {
                await CreateEmptyLockObjectAsync(path, now, ct).ConfigureAwait(false);
            }

            var lease = new ObjectLease(key, Guid.NewGuid().ToString(), duration);
            await WriteLeaseAsync(key, new LeaseRecord(lease.LeaseId, now + duration), ct).ConfigureAwait(false);
            logger.LogDebug("Acquired lease {LeaseId} on {Key} for {Duration}", lease.LeaseId, key, duration);
            return lease;
        }
    }

    public async Task RenewLeaseAsync(ObjectLease lease, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ObjectKey.Validate(lease.Key);
        using (await locks.AcquireAsync(lease.Key, ct).ConfigureAwait(false))
        {
            // Like Blob Storage, an expired lease can still be renewed as long as nobody else acquired it since.
            LeaseRecord? current = await ReadLeaseAsync(lease.Key, ct).ConfigureAwait(false);
            if (current?.LeaseId != lease.LeaseId || !File.Exists(layout.ObjectPath(lease.Key)))
            {
                logger.LogWarning("Lease {LeaseId} on {Key} was lost", lease.LeaseId, lease.Key);
                throw new LeaseLostException(lease);
            }

            await WriteLeaseAsync(lease.Key, current with { ExpiresAt = time.GetUtcNow() + lease.Duration }, ct).ConfigureAwait(false);
        }
    }

    public async Task ReleaseLeaseAsync(ObjectLease lease, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ObjectKey.Validate(lease.Key);
        using (await locks.AcquireAsync(lease.Key, ct).ConfigureAwait(false))
        {
            LeaseRecord? current = await ReadLeaseAsync(lease.Key, ct).ConfigureAwait(false);
            if (current?.LeaseId == lease.LeaseId)
            {
                File.Delete(layout.LeasePath(lease.Key));
            }
            else
            {
                logger.LogDebug("Lease {LeaseId} on {Key} was already lost when released", lease.LeaseId, lease.Key);
            }
        }
    }

    private async IAsyncEnumerable<ObjectProperties> ListCoreAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        string root = layout.ListingRoot(prefix);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        // AttributesToSkip = None: on Unix "hidden" means a leading '.', which a key segment may have.
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = true };
        var keys = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*" + LocalLayout.ObjectSuffix, enumeration))
        {
            if (layout.KeyOf(file) is { } key && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            ct.ThrowIfCancellationRequested();
            var found = await ObjectFile.TryReadHeaderAsync(layout.ObjectPath(key), ct).ConfigureAwait(false);
            if (found is { } f)
            {
                yield return ToProperties(key, f.Header, f.Length);
            }
        }
    }

    private async Task CreateEmptyLockObjectAsync(string path, DateTimeOffset now, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = LocalLayout.TempPathBeside(path);
        try
        {
            var header = new ObjectFileHeader(NewETag(), PutOptions.DefaultContentType, now, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
            await ObjectFile.WriteAsync(temp, header, Stream.Null, settings.FlushToDisk, ct).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true); // under the key's lock, checked absent; overwrite makes it a plain rename(2)
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private async Task ThrowIfLeasedAsync(string key, CancellationToken ct)
    {
        LeaseRecord? lease = await ReadLeaseAsync(key, ct).ConfigureAwait(false);
        if (lease is not null && lease.IsActiveAt(time.GetUtcNow()))
        {
            throw Precondition(key, "the key holds an active lease");
        }
    }

    private async Task<LeaseRecord?> ReadLeaseAsync(string key, CancellationToken ct)
    {
        try
        {
            var file = new FileStream(layout.LeasePath(key), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await using (file.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(file, LocalJsonContext.Default.LeaseRecord, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task WriteLeaseAsync(string key, LeaseRecord lease, CancellationToken ct)
    {
        string path = layout.LeasePath(key);
        string temp = LocalLayout.TempPathBeside(path);
        try
        {
            await AtomicFile.WriteAsync(temp, JsonSerializer.SerializeToUtf8Bytes(lease, LocalJsonContext.Default.LeaseRecord), settings.FlushToDisk, ct)
                .ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private PreconditionFailedException Precondition(string key, string reason)
    {
        logger.LogDebug("Precondition failed for {Key}: {Reason}", key, reason);
        return new PreconditionFailedException(key, reason);
    }

    private static ObjectProperties ToProperties(string key, ObjectFileHeader header, long length) =>
        new(key, new ETag(header.ETag), length, header.LastModified, header.ContentType, ObjectMetadata.Copy(header.Metadata));

    /// <summary>A fresh random value per write: no two versions of an object share one, even across processes.</summary>
    private static string NewETag() => "\"" + Guid.NewGuid().ToString("N") + "\"";

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove the temporary file {Path}", path);
        }
    }
}
