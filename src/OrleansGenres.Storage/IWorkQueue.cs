namespace OrleansGenres.Storage;

/// <summary>
/// An at-least-once work queue with Azure Queue Storage semantics: a received message is hidden for its visibility
/// timeout and reappears (with <see cref="QueueMessage.DequeueCount"/> incremented) unless it is completed first.
/// Limits are in <see cref="QueueLimits"/>.
/// </summary>
public interface IWorkQueue
{
    string Name { get; }

    /// <summary>Adds a message, visible at once or after <paramref name="visibilityDelay"/>.</summary>
    Task SendAsync(string body, TimeSpan? visibilityDelay = null, CancellationToken ct = default);

    /// <summary>Up to <paramref name="maxMessages"/> (1-32) visible messages, hidden for <paramref name="visibilityTimeout"/>; empty when none.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default);

    /// <summary>Deletes the message; <see cref="MessageLostException"/> when the receipt is stale (the message reappeared and was received again, or is gone).</summary>
    Task CompleteAsync(QueueMessage message, CancellationToken ct = default);

    /// <summary>Hides the message for <paramref name="visibilityTimeout"/> from now; returns it with its new receipt. <see cref="MessageLostException"/> as for complete.</summary>
    Task<QueueMessage> ExtendAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken ct = default);

    /// <summary>Messages in the queue, visible or not (approximate: others may be sending and completing).</summary>
    Task<int> GetApproximateCountAsync(CancellationToken ct = default);
}
