namespace OrleansGenres.Grains.Training;

/// <summary>Where a training job is. Succeeded, Failed and Cancelled are final.</summary>
public enum TrainingJobStatus
{
    /// <summary>Accepted, waiting for a trainer.</summary>
    Queued,

    /// <summary>A trainer holds the job's lease (or held it and died: the next trainer resumes from the last checkpoint).</summary>
    Running,

    /// <summary>Trained, evaluated on the test split and registered as a model version.</summary>
    Succeeded,

    /// <summary>Could not be trained: the error says why.</summary>
    Failed,

    /// <summary>Stopped on request at a step boundary; its last checkpoint is kept.</summary>
    Cancelled,
}
