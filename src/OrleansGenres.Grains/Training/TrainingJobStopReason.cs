namespace OrleansGenres.Grains.Training;

/// <summary>Why a trainer stops a job before its end (other than its own host stopping).</summary>
public enum TrainingJobStopReason
{
    None,

    /// <summary>A client cancelled the job: end it Cancelled.</summary>
    CancelRequested,

    /// <summary>The lease went to another trainer (this one stalled past it): write nothing more, the other owns the job.</summary>
    LeaseLost,
}
