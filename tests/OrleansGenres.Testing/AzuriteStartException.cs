namespace OrleansGenres.Testing;

/// <summary>Azurite exited while starting (typically: a chosen port was taken meanwhile).</summary>
public sealed class AzuriteStartException : Exception
{
    public AzuriteStartException()
    {
    }

    public AzuriteStartException(string message)
        : base(message)
    {
    }

    public AzuriteStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
