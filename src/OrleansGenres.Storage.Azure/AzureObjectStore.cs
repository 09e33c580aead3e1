using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using AzureETag = Azure.ETag;

namespace OrleansGenres.Storage.Azure;

/// <summary>
/// Objects as block blobs in one container. Conditions map to <see cref="BlobRequestConditions"/> (If-Match, and
/// If-None-Match: * for create-only). The service checks conditions
/// atomically, so nothing here needs a lock.
/// </summary>
internal sealed class AzureObjectStore : IObjectStore
{
    private readonly BlobContainerClient _container;
    private readonly ILogger _logger;
    private readonly AsyncOnce _created;

    public AzureObjectStore(BlobContainerClient container, ILogger logger)
    {
        _container = container;
        _logger = logger;
        _created = new AsyncOnce(ct => _container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>Creates the container when it is missing (once per store).</summary>
    public Task EnsureCreatedAsync(CancellationToken ct) => _created.EnsureAsync(ct);

    public async Task<StoredObject?> GetAsync(string key, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        try
        {
            Response<BlobDownloadStreamingResult> response =
                await _container.GetBlobClient(key).DownloadStreamingAsync(new BlobDownloadOptions(), ct).ConfigureAwait(false);
            BlobDownloadDetails details = response.Value.Details;
            return new StoredObject(
                response.Value.Content,
                new ObjectProperties(key, ToETag(details.ETag), details.ContentLength, details.LastModified, details.ContentType, ObjectMetadata.Copy(details.Metadata)));
        }
        catch (RequestFailedException e) when (AzureErrors.IsNotFound(e))
        {
            return null;
        }
    }

    public async Task<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        try
        {
            BlobProperties properties = (await _container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: ct).ConfigureAwait(false)).Value;
            return new ObjectProperties(
                key, ToETag(properties.ETag), properties.ContentLength, properties.LastModified, properties.ContentType, ObjectMetadata.Copy(properties.Metadata));
        }
        catch (RequestFailedException e) when (AzureErrors.IsNotFound(e))
        {
            return null;
        }
    }

    public async Task<ObjectProperties> PutAsync(string key, Stream content, PutOptions? options = null, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        options ??= new PutOptions();
        options.Validate();
        await EnsureCreatedAsync(ct).ConfigureAwait(false);

        string contentType = options.ContentType ?? PutOptions.DefaultContentType;
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = options.Metadata is null ? null : new Dictionary<string, string>(options.Metadata),
            Conditions = new BlobRequestConditions
            {
                IfMatch = options.IfMatch is { } etag ? new AzureETag(etag.Value) : null,
                IfNoneMatch = options.IfNoneMatch ? AzureETag.All : null,
            },
        };

        // The response carries the new ETag but not the length: take it from the stream, counting if it cannot tell.
        long? knownLength = content.CanSeek ? content.Length - content.Position : null;
        CountingStream? counting = knownLength is null ? new CountingStream(content) : null;
        try
        {
            BlobContentInfo info = (await _container.GetBlobClient(key).UploadAsync(counting ?? content, upload, ct).ConfigureAwait(false)).Value;
            return new ObjectProperties(
                key, ToETag(info.ETag), knownLength ?? counting!.BytesRead, info.LastModified, contentType, ObjectMetadata.Copy(options.Metadata));
        }
        catch (RequestFailedException e) when (AzureErrors.IsPreconditionFailed(e) || (options.IfMatch is not null && AzureErrors.IsNotFound(e)))
        {
            throw Precondition(key, e);
        }
        finally
        {
            if (counting is not null)
            {
                await counting.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task<bool> DeleteAsync(string key, ETag? ifMatch = null, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        var conditions = new BlobRequestConditions { IfMatch = ifMatch is { } etag ? new AzureETag(etag.Value) : null };
        try
        {
            await _container.GetBlobClient(key).DeleteAsync(DeleteSnapshotsOption.None, conditions, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (AzureErrors.IsNotFound(e))
        {
            return false;
        }
        catch (RequestFailedException e) when (AzureErrors.IsPreconditionFailed(e))
        {
            // If-Match on a missing blob also answers 412: absent is "false", like an unconditional delete.
            if (ifMatch is not null && await GetPropertiesAsync(key, ct).ConfigureAwait(false) is null)
            {
                return false;
            }

            throw Precondition(key, e);
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
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        await foreach (BlobItem item in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix.Length == 0 ? null : prefix, ct).ConfigureAwait(false))
        {
            BlobItemProperties p = item.Properties;
            yield return new ObjectProperties(
                item.Name,
                p.ETag is { } etag ? ToETag(etag) : default,
                p.ContentLength ?? 0,
                p.LastModified ?? DateTimeOffset.MinValue,
                p.ContentType,
                ObjectMetadata.Copy(item.Metadata));
        }
    }

    private PreconditionFailedException Precondition(string key, RequestFailedException e)
    {
        _logger.LogDebug("Precondition failed for {Key}: {Error}", key, AzureErrors.Describe(e));
        string reason = e.ErrorCode switch
        {
            "BlobAlreadyExists" => "an object already exists",
            "BlobNotFound" => "there is no object to match",
            _ => "the ETag does not match",
        };
        return new PreconditionFailedException(key, reason, e);
    }

    /// <summary>Always the quoted header form: listings return ETags unquoted, responses' headers quoted.</summary>
    private static ETag ToETag(AzureETag etag) => new(etag.ToString("H"));
}
