namespace OrleansGenres.Storage;

/// <summary>What the store knows about one object, without its content.</summary>
public sealed record ObjectProperties(
    string Key,
    ETag ETag,
    long Length,
    DateTimeOffset LastModified,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata);
