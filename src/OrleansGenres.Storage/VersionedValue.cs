namespace OrleansGenres.Storage;

/// <summary>A value read from the store with the ETag to make the next write conditional on.</summary>
public sealed record VersionedValue<T>(T Value, ETag ETag);
