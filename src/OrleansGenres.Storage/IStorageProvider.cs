namespace OrleansGenres.Storage;

/// <summary>What a host registers: one object store (blobs) on one backend (Local or Azure).</summary>
public interface IStorageProvider
{
    IObjectStore Objects { get; }

    /// <summary>Whether the backend answers (for readiness probes); never throws for an unreachable backend.</summary>
    Task<StorageHealth> CheckAsync(CancellationToken ct = default);
}
