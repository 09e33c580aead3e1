namespace OrleansGenres.Audio.Pipeline;

/// <summary>A signal gave no window at all, so there is nothing to write or tag.</summary>
public sealed class EmptyWindowsException(string message) : Exception(message);
