namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// An upload already spooled and hashed by the caller: <see cref="Content"/> is readable (and rewindable) and holds
/// exactly <see cref="Length"/> bytes whose SHA-256 is <see cref="ContentSha256"/>.
/// </summary>
public sealed record TrackUpload(Stream Content, long Length, string ContentSha256, string? FileName, string? ContentType);
