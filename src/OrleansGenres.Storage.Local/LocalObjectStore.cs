using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OrleansGenres.Storage.Local;

/// <summary>
/// Objects as files under <c>objects/</c> (see <see cref="LocalLayout"/>). Reads need no lock: a write goes to a
/// temporary file first and is renamed over the object, so a reader sees the old or the new object, never half of
/// one. Every write and delete checks its conditions and commits under the key's lock stripe, so
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

            if (ifMatch is { } expected && current.Value.Header.ETag != expected.Value)
            {
                throw Precondition(key, "the ETag does not match");
            }

            File.Delete(path);
            return true;
        }
    }

    public IAsyncEnumerable<ObjectProperties> ListAsync(string prefix, CancellationToken ct = default)
    {
        // Validated here, not in the iterator, so a bad prefix throws at the call.
        ObjectKey.ValidatePrefix(prefix);
        return ListCoreAsync(prefix, ct);
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
