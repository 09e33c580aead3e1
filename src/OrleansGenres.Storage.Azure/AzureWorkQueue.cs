using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using AzureQueueMessage = Azure.Storage.Queues.Models.QueueMessage;

namespace OrleansGenres.Storage.Azure;

/// <summary>
/// A Queue Storage queue (created on first use). Bodies travel base64-encoded (the client option), messages never
/// expire (time-to-live -1: a work item must not vanish after the service's default 7 days), and visibility times
/// are rounded up to whole seconds, the service's unit, so a message is never hidden for less than asked.
/// </summary>
internal sealed class AzureWorkQueue : IWorkQueue
{
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _client;
    private readonly ILogger _logger;
    private readonly AsyncOnce _created;

    public AzureWorkQueue(string name, QueueClient client, ILogger logger)
    {
        Name = name;
        _client = client;
        _logger = logger;
        _created = new AsyncOnce(ct => _client.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    public string Name { get; }

    public async Task SendAsync(string body, TimeSpan? visibilityDelay = null, CancellationToken ct = default)
    {
        QueueLimits.ValidateBody(body);
        TimeSpan delay = visibilityDelay ?? TimeSpan.Zero;
        QueueLimits.ValidateVisibility(delay, nameof(visibilityDelay));
        await _created.EnsureAsync(ct).ConfigureAwait(false);
        await _client.SendMessageAsync(body, WholeSeconds(delay), NeverExpires, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        QueueLimits.ValidateMaxMessages(maxMessages);
        QueueLimits.ValidateReceiveVisibility(visibilityTimeout);
        await _created.EnsureAsync(ct).ConfigureAwait(false);
        AzureQueueMessage[] messages = (await _client.ReceiveMessagesAsync(maxMessages, WholeSeconds(visibilityTimeout), ct).ConfigureAwait(false)).Value;
        return messages
            .Select(m => new QueueMessage(m.MessageId, m.PopReceipt, m.Body.ToString(), (int)m.DequeueCount, m.InsertedOn ?? DateTimeOffset.UtcNow))
            .ToList();
    }

    public async Task CompleteAsync(QueueMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _client.DeleteMessageAsync(message.Id, message.Receipt, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (AzureErrors.IsMessageLost(e))
        {
            throw Lost(message, e);
        }
    }

    public async Task<QueueMessage> ExtendAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        QueueLimits.ValidateVisibility(visibilityTimeout);
        try
        {
            // No message text: only the visibility changes, the body stays as sent.
            var receipt = (await _client.UpdateMessageAsync(
                message.Id, message.Receipt, messageText: null, WholeSeconds(visibilityTimeout), ct).ConfigureAwait(false)).Value;
            return message with { Receipt = receipt.PopReceipt };
        }
        catch (RequestFailedException e) when (AzureErrors.IsMessageLost(e))
        {
            throw Lost(message, e);
        }
    }

    public async Task<int> GetApproximateCountAsync(CancellationToken ct = default)
    {
        await _created.EnsureAsync(ct).ConfigureAwait(false);
        return (await _client.GetPropertiesAsync(ct).ConfigureAwait(false)).Value.ApproximateMessagesCount;
    }

    private MessageLostException Lost(QueueMessage message, RequestFailedException e)
    {
        _logger.LogWarning("Message {MessageId} of queue {Queue} was lost ({Error})", message.Id, Name, AzureErrors.Describe(e));
        return new MessageLostException(Name, message.Id, e);
    }

    private static TimeSpan WholeSeconds(TimeSpan value) => TimeSpan.FromSeconds(Math.Ceiling(value.TotalSeconds));
}
