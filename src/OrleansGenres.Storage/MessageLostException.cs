namespace OrleansGenres.Storage;

/// <summary>
/// The message's receipt is stale: the message became visible again and was received by someone else, or it was
/// already completed. The work may be done twice; the caller must not assume it still owns the message.
/// </summary>
public sealed class MessageLostException : StorageException
{
    public MessageLostException()
    {
    }

    public MessageLostException(string message)
        : base(message)
    {
    }

    public MessageLostException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public MessageLostException(string queueName, string messageId, Exception? innerException = null)
        : base($"Message '{messageId}' of queue '{queueName}' is no longer held by this receipt.", innerException)
    {
        QueueName = queueName;
        MessageId = messageId;
    }

    public string? QueueName { get; }

    public string? MessageId { get; }
}
