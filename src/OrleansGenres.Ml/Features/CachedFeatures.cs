namespace OrleansGenres.Ml.Features;

/// <summary>Where one track's window features are cached, and their shape: [Windows, NMels, Frames].</summary>
public sealed record CachedFeatures(string ContentHash, string Path, int Windows, int NMels, int Frames);
