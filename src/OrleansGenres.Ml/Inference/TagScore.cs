namespace OrleansGenres.Ml.Inference;

/// <summary>One label's track score and whether the model assigns it (argmax, or at or above its threshold).</summary>
public sealed record TagScore(string Label, float Score, bool Assigned);
