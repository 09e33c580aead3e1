namespace OrleansGenres.Storage;

/// <summary>The lease expired and someone else acquired it (or its lock object is gone): stop the owned work.</summary>
public sealed class LeaseLostException : StorageException
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public LeaseLostException(ObjectLease lease, Exception? innerException = null)
        : base($"The lease on '{lease?.Key}' was lost.", innerException)
    {
        Lease = lease;
    }

    public ObjectLease? Lease { get; }
}
