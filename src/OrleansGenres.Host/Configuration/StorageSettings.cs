namespace OrleansGenres.Host.Configuration;

/// <summary>Configuration section <c>Storage</c>: <c>Provider</c> = Local (default, <c>Local:Path</c>) or Azure (<c>Azure:ConnectionString</c>).</summary>
public sealed class StorageSettings
{
    public string Provider { get; set; } = "Local";

    public LocalSettings Local { get; set; } = new();

    public AzureSettings Azure { get; set; } = new();

    public bool IsAzure => string.Equals(Provider, "Azure", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (!IsAzure && !string.Equals(Provider, "Local", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Storage:Provider must be Local or Azure, not '{Provider}'";
        }

        if (IsAzure && string.IsNullOrWhiteSpace(Azure.ConnectionString))
        {
            yield return "Storage:Azure:ConnectionString is required when Storage:Provider is Azure";
        }
    }

    public sealed class LocalSettings
    {
        /// <summary>The data folder (default: ./data under the working directory).</summary>
        public string Path { get; set; } = "data";
    }

    public sealed class AzureSettings
    {
        public string ConnectionString { get; set; } = string.Empty;

        public string Container { get; set; } = "genres";
    }
}
