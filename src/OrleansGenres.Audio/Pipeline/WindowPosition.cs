namespace OrleansGenres.Audio.Pipeline;

/// <summary>Where a window sits in its track; the timeline of per-window predictions is made of these.</summary>
public sealed record WindowPosition(int Index, double StartSeconds, double EndSeconds, bool Padded);
