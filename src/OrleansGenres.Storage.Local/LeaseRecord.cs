namespace OrleansGenres.Storage.Local;

/// <summary>The content of a lease file: who holds the key and until when (wall clock, shared by every process).</summary>
internal sealed record LeaseRecord(string LeaseId, DateTimeOffset ExpiresAt)
{
    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt > now;
}
