namespace OrleansGenres.Storage;

/// <summary>Exclusive ownership of the lock object at <see cref="Key"/> until it expires or is released.</summary>
public sealed record ObjectLease(string Key, string LeaseId, TimeSpan Duration);
