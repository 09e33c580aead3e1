namespace OrleansGenres.Ml.Training;

/// <summary>Learning-rate schedules, stepped per epoch (values match GN_SCHEDULE_*).</summary>
public enum ScheduleKind
{
    None = 0,

    /// <summary>ReduceLROnPlateau on the validation loss.</summary>
    Plateau = 1,

    /// <summary>Cosine annealing over the run's epochs to the minimum rate.</summary>
    Cosine = 2,
}
