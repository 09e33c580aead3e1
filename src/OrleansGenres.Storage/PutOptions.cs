namespace OrleansGenres.Storage;

/// <summary>Conditions and attributes of a write.</summary>
public sealed record PutOptions
{
    /// <summary>The content type stored when none is given (what Blob Storage reports too).</summary>
    public const string DefaultContentType = "application/octet-stream";

    /// <summary>Write only when the object's current ETag is this one (optimistic concurrency).</summary>
    public ETag? IfMatch { get; init; }

    /// <summary>Write only when no object exists at the key (create only).</summary>
    public bool IfNoneMatch { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for conditions that cannot both hold or invalid metadata.</summary>
    public void Validate()
    {
        if (IfMatch is not null && IfNoneMatch)
        {
            throw new ArgumentException("IfMatch and IfNoneMatch cannot be combined.");
        }

        if (IfMatch is { } etag && string.IsNullOrEmpty(etag.Value))
        {
            throw new ArgumentException("IfMatch needs a non-empty ETag.");
        }

        ObjectMetadata.Validate(Metadata);
        if (ContentType is not null && (ContentType.Length is 0 or > 256 || !ObjectMetadata.IsHeaderSafe(ContentType)))
        {
            throw new ArgumentException("ContentType must be 1-256 printable ASCII characters.");
        }
    }
}
