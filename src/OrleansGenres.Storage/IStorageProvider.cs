namespace OrleansGenres.Storage;

/// <summary>What a host registers: one object store and named work queues on one backend (Local or Azure).</summary>
public interface IStorageProvider
{
    IObjectStore Objects { get; }

    /// <summary>The queue called <paramref name="name"/> (see <see cref="QueueName"/>), created on first use.</summary>
    IWorkQueue GetQueue(string name);

    /// <summary>Whether the backend answers (for readiness probes); never throws for an unreachable backend.</summary>
    Task<StorageHealth> CheckAsync(CancellationToken ct = default);
}
