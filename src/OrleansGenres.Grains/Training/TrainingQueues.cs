namespace OrleansGenres.Grains.Training;

/// <summary>Queue names of the training role.</summary>
public static class TrainingQueues
{
    /// <summary>One message per job that is not final; a trainer completes it when the job ends.</summary>
    public const string Jobs = "training-jobs";
}
