namespace OrleansGenres.Storage.Local;

/// <summary>The JSON header stored in front of an object's content.</summary>
internal sealed record ObjectFileHeader(string ETag, string ContentType, DateTimeOffset LastModified, Dictionary<string, string> Metadata);
