using OrleansGenres.Torch.Training;

namespace OrleansGenres.Torch.Tests.Training;

/// <summary>The schedules behave as PyTorch's ReduceLROnPlateau and CosineAnnealingLR, and resume from their state.</summary>
public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Plateau_halves_the_rate_after_patience_epochs_without_improvement()
    {
        var schedule = new LearningRateSchedule(ScheduleKind.Plateau, baseRate: 1e-3, epochs: 20, plateauPatience: 2);
        double[] losses = [1.0, 0.9, 0.95, 0.93, 0.92, 0.91, 0.94, 0.8];
        var rates = losses.Select(schedule.EndEpoch).ToArray();
        // Best 0.9 at epoch 2; epochs 3, 4, 5 do not beat it → halved after the third; 6, 7, 8: 0.8 improves.
        Assert.Equal([1e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 5e-4, 5e-4], rates);
    }

    [Fact]
    public void Cosine_anneals_from_the_base_rate_to_the_floor()
    {
        var schedule = new LearningRateSchedule(ScheduleKind.Cosine, baseRate: 1e-3, epochs: 4, minRate: 1e-5);
        var rates = Enumerable.Range(0, 5).Select(_ => schedule.EndEpoch(0)).ToArray();
        Assert.Equal(1e-5 + ((1e-3 - 1e-5) * (1 + Math.Cos(Math.PI / 4)) / 2), rates[0], 12);
        Assert.Equal((1e-3 + 1e-5) / 2, rates[1], 12);
        Assert.Equal(1e-5, rates[3], 12);
        Assert.Equal(1e-5, rates[4], 12);
    }

    [Fact]
    public void A_restored_schedule_continues_exactly()
    {
        double[] losses = [1.0, 0.99, 0.995, 0.999, 0.98, 0.97, 0.99, 0.99, 0.99, 0.99];
        var whole = new LearningRateSchedule(ScheduleKind.Plateau, 1e-3, 10, plateauPatience: 1);
        var wholeRates = losses.Select(whole.EndEpoch).ToArray();

        var first = new LearningRateSchedule(ScheduleKind.Plateau, 1e-3, 10, plateauPatience: 1);
        var head = losses.Take(5).Select(first.EndEpoch).ToArray();
        var resumed = new LearningRateSchedule(ScheduleKind.Plateau, 1e-3, 10, plateauPatience: 1);
        resumed.Restore(first.State);
        var tail = losses.Skip(5).Select(resumed.EndEpoch).ToArray();

        Assert.Equal(wholeRates, head.Concat(tail).ToArray());
    }
}
