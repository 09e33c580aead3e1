namespace OrleansGenres.Grains.Training;

/// <summary>The queue message that tells trainers a job wants running (the job document holds everything else).</summary>
public sealed record TrainingJobMessage(string Tenant, string JobId);
