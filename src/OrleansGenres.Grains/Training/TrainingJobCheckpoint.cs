namespace OrleansGenres.Grains.Training;

/// <summary>The job's last checkpoint in the object store: after which epoch, when, and the files it is made of.</summary>
public sealed record TrainingJobCheckpoint(int Epoch, DateTimeOffset SavedAt, IReadOnlyList<string> Files);
