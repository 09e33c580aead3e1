using System.Diagnostics;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansGenres.Storage.Azure;

/// <summary>
/// The multi-node backend: objects in one blob container on any storage account (Azurite locally), created on first use.
/// Work distribution is Orleans' business (grains, reminders), not this store's.
/// </summary>
public sealed class AzureStorageProvider : IStorageProvider
{
    private readonly AzureStorageOptions _options;
    private readonly AzureObjectStore _objects;
    private readonly BlobContainerClient _container;
    private readonly ILoggerFactory _loggerFactory;

    public AzureStorageProvider(AzureStorageOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("AzureStorageOptions.ConnectionString is required.", nameof(options));
        }

        if (!ContainerName.IsValid(options.Container))
        {
            throw new ArgumentException($"Invalid container name '{options.Container}'.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HealthCheckTimeout, TimeSpan.Zero, nameof(options.HealthCheckTimeout));
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;

        // Transfer validation off: Azurite sends no CRC64 on download, and TLS already protects the bytes in flight.
        var blobOptions = new BlobClientOptions();
        blobOptions.TransferValidation.Upload.ChecksumAlgorithm = StorageChecksumAlgorithm.None;
        blobOptions.TransferValidation.Download.ChecksumAlgorithm = StorageChecksumAlgorithm.None;
        blobOptions.TransferValidation.Download.AutoValidateChecksum = false;
        _container = new BlobServiceClient(options.ConnectionString, blobOptions).GetBlobContainerClient(options.Container);
        _objects = new AzureObjectStore(_container, _loggerFactory.CreateLogger<AzureObjectStore>());
    }

    public IObjectStore Objects => _objects;

    public async Task<StorageHealth> CheckAsync(CancellationToken ct = default)
    {
        long started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.HealthCheckTimeout);
        try
        {
            await _objects.EnsureCreatedAsync(timeout.Token).ConfigureAwait(false);
            await _container.GetPropertiesAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
            return new StorageHealth(true, "azure", $"container '{_container.Name}' at {_container.Uri.GetLeftPart(UriPartial.Authority)} answers", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new StorageHealth(
                false, "azure", $"{_container.Uri.GetLeftPart(UriPartial.Authority)} did not answer within {_options.HealthCheckTimeout.TotalSeconds:0.#} s", Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
        {
            return new StorageHealth(false, "azure", $"{_container.Uri.GetLeftPart(UriPartial.Authority)}: {e.Message}", Stopwatch.GetElapsedTime(started));
        }
    }
}
