namespace OrleansGenres.Storage;

/// <summary>
/// A received message. <see cref="Receipt"/> proves this receive: it changes on every receive and extend, and only
/// the latest one can complete or extend the message.
/// </summary>
public sealed record QueueMessage(string Id, string Receipt, string Body, int DequeueCount, DateTimeOffset InsertedAt);
