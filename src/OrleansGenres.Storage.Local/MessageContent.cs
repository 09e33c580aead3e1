namespace OrleansGenres.Storage.Local;

/// <summary>The immutable part of a queued message, stored as its file's content.</summary>
internal sealed record MessageContent(DateTimeOffset InsertedAt, string Body);
