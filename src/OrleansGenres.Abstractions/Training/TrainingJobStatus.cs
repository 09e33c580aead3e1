namespace OrleansGenres.Abstractions.Training;

/// <summary>Where a training job is. Succeeded, Failed and Cancelled are final.</summary>
[GenerateSerializer, Alias("genres.training-job-status")]
public enum TrainingJobStatus
{
    /// <summary>Accepted, waiting for a trainer.</summary>
    Queued,

    /// <summary>A trainer on a training silo runs it (or ran it and died: the job grain hands it to another, which resumes from the last checkpoint).</summary>
    Running,

    /// <summary>Trained, evaluated on the test split and registered as a model version.</summary>
    Succeeded,

    /// <summary>Could not be trained: the error says why.</summary>
    Failed,

    /// <summary>Stopped on request at a step boundary; its last checkpoint is kept.</summary>
    Cancelled,
}
