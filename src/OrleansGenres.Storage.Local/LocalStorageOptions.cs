namespace OrleansGenres.Storage.Local;

/// <summary>Settings of the embedded, single-machine storage backend.</summary>
public sealed class LocalStorageOptions
{
    /// <summary>The data folder; several processes on one machine may share it.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>fsync new files before they are renamed into place, so an acknowledged write survives a power cut.</summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>How long a write waits for another process holding the same lock stripe before it gives up.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
