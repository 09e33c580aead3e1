using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansGenres.Storage.Azure;

/// <summary>
/// The multi-node backend: objects in one blob container, work queues in Queue Storage, on any storage account
/// (Azurite locally). Container and queues are created on first use.
/// </summary>
public sealed class AzureStorageProvider : IStorageProvider
{
    private readonly AzureStorageOptions _options;
    private readonly AzureObjectStore _objects;
    private readonly BlobContainerClient _container;
    private readonly QueueServiceClient _queueService;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentDictionary<string, AzureWorkQueue> _queues = new(StringComparer.Ordinal);

    public AzureStorageProvider(AzureStorageOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("AzureStorageOptions.ConnectionString is required.", nameof(options));
        }

        // Container names follow the same rules as queue names.
        if (!QueueName.IsValid(options.Container))
        {
            throw new ArgumentException($"Invalid container name '{options.Container}'.", nameof(options));
        }

        if (options.QueuePrefix.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-'))
        {
            throw new ArgumentException($"Invalid queue prefix '{options.QueuePrefix}': use a-z, 0-9 and '-'.", nameof(options));
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

        _queueService = new QueueServiceClient(options.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    public IObjectStore Objects => _objects;

    public IWorkQueue GetQueue(string name)
    {
        QueueName.Validate(name);
        string fullName = _options.QueuePrefix + name;
        QueueName.Validate(fullName, nameof(name));
        return _queues.GetOrAdd(name, _ => new AzureWorkQueue(name, _queueService.GetQueueClient(fullName), _loggerFactory.CreateLogger<AzureWorkQueue>()));
    }

    public async Task<StorageHealth> CheckAsync(CancellationToken ct = default)
    {
        long started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.HealthCheckTimeout);
        try
        {
            await _objects.EnsureCreatedAsync(timeout.Token).ConfigureAwait(false);
            await _container.GetPropertiesAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
            await _queueService.GetPropertiesAsync(timeout.Token).ConfigureAwait(false);
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
