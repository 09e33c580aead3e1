namespace OrleansGenres.Ml.Inference;

/// <summary>One window of the timeline: where it lies and the probability of each label (in the card's label order).</summary>
public sealed record WindowScores(double StartSeconds, double EndSeconds, IReadOnlyList<float> Scores, bool Silent = false);
