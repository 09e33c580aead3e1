namespace OrleansGenres.Storage;

/// <summary>The result of a storage health check, worded for a person reading a readiness probe.</summary>
public sealed record StorageHealth(bool IsHealthy, string Backend, string Description, TimeSpan Duration);
