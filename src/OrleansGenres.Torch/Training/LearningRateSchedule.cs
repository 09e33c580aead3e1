namespace OrleansGenres.Torch.Training;

/// <summary>How the learning rate changes between epochs.</summary>
public enum ScheduleKind
{
    None,

    /// <summary>ReduceLROnPlateau on the validation loss (mode min, relative threshold 1e-4, no cooldown).</summary>
    Plateau,

    /// <summary>Cosine annealing from the base rate to the floor over the run's epochs.</summary>
    Cosine,
}

/// <summary>
/// A learning-rate schedule stepped once per epoch, as PyTorch's ReduceLROnPlateau and CosineAnnealingLR behave. Its
/// whole state is <see cref="State"/>, so a checkpoint holds it and a resumed run continues exactly.
/// </summary>
public sealed class LearningRateSchedule(ScheduleKind kind, double baseRate, int epochs, double minRate = 0, double plateauFactor = 0.5, int plateauPatience = 2)
{
    public ScheduleState State { get; private set; } = new(baseRate, 0, double.PositiveInfinity, 0);

    public double Rate => State.Rate;

    /// <summary>Ends an epoch with its validation loss; returns the rate for the next one.</summary>
    public double EndEpoch(double validationLoss)
    {
        var (rate, done, best, bad) = State;
        done++;
        if (kind == ScheduleKind.Plateau)
        {
            if (validationLoss < best * (1 - 1e-4))
            {
                (best, bad) = (validationLoss, 0);
            }
            else if (++bad > plateauPatience)
            {
                (rate, bad) = (Math.Max(rate * plateauFactor, minRate), 0);
            }
        }
        else if (kind == ScheduleKind.Cosine)
        {
            var progress = Math.Min(1.0, (double)done / Math.Max(1, epochs));
            rate = minRate + ((baseRate - minRate) * (1 + Math.Cos(Math.PI * progress)) / 2);
        }

        State = new ScheduleState(rate, done, best, bad);
        return rate;
    }

    /// <summary>Continues from a saved state.</summary>
    public void Restore(ScheduleState state) => State = state ?? throw new ArgumentNullException(nameof(state));
}

/// <summary>A schedule's whole state: current rate, epochs done, best validation loss so far, epochs without improvement.</summary>
public sealed record ScheduleState(double Rate, int EpochsDone, double BestLoss, int BadEpochs);
