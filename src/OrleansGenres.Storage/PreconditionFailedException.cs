namespace OrleansGenres.Storage;

/// <summary>
/// A conditional write or delete found the object in another state than required: another ETag, an existing object
/// for create-only. The usual answer is to read again and retry.
/// </summary>
public sealed class PreconditionFailedException : StorageException
{
    public PreconditionFailedException()
    {
    }

    public PreconditionFailedException(string message)
        : base(message)
    {
    }

    public PreconditionFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public PreconditionFailedException(string key, string reason, Exception? innerException = null)
        : base($"Precondition failed for '{key}': {reason}.", innerException)
    {
        Key = key;
    }

    public string? Key { get; }
}
