namespace OrleansGenres.Ml.Training;

/// <summary>
/// Told after each epoch's checkpoint is complete on disk (the files <see cref="TrainingState"/> names, then the state
/// itself): a training service copies them to durable storage here, so a run can resume on another machine. The loop
/// waits for it before the next epoch, so a copy always describes a finished epoch.
/// </summary>
public interface ICheckpointSink
{
    Task CheckpointSavedAsync(string checkpointDirectory, TrainingState state, CancellationToken cancellationToken);
}
