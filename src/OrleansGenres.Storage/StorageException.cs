namespace OrleansGenres.Storage;

/// <summary>Base of the typed storage failures callers are expected to handle.</summary>
public class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
