namespace OrleansGenres.Storage.Azure;

/// <summary>Settings of the Azure Storage backend (Azurite locally).</summary>
public sealed class AzureStorageOptions
{
    /// <summary>A storage account connection string (for Azurite, its explicit endpoints or <c>UseDevelopmentStorage=true</c>).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The blob container holding every object; created when missing.</summary>
    public string Container { get; set; } = "genres";

    /// <summary>How long a health check waits for the service (the SDK's own retries would take half a minute).</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
