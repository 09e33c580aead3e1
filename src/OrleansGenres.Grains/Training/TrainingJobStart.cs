namespace OrleansGenres.Grains.Training;

/// <summary>One start of a job: which trainer, when, and after which epoch it resumed (0 = from scratch).</summary>
public sealed record TrainingJobStart(string Trainer, DateTimeOffset StartedAt, int ResumedAfterEpoch);
