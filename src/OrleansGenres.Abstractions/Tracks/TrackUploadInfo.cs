namespace OrleansGenres.Abstractions.Tracks;

/// <summary>An upload whose bytes are already in the blob store: what the track grain records about it.</summary>
[GenerateSerializer, Immutable, Alias("genres.track-upload")]
public sealed record TrackUploadInfo(
    [property: Id(0)] string? FileName,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] long SizeBytes,
    [property: Id(3)] string ContentSha256);
