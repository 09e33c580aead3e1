using OrleansGenres.Testing;
using OrleansGenres.Torch.Models;
using OrleansGenres.Torch.Tests.Models;
using OrleansGenres.Torch.Training;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Training;

/// <summary>
/// The trainer's guarantees on CPU: the same seed and data give bit-identical weights, and a run saved after some steps
/// and resumed in a new trainer (new network, new optimiser) ends with the weights of the run that never stopped —
/// with dropout, SpecAugment, key/tempo jitter and a plateau schedule all drawing or keeping state.
/// </summary>
public sealed class NetworkTrainerTests : IDisposable
{
    private const int Classes = 3, NMels = 24, Frames = 20, Batch = 8, Steps = 10;

    private static readonly NetworkOptions Network = new() { Architecture = NetworkArchitecture.Cnn, Attention = true, Classes = Classes, NMels = NMels, Dropout = 0.3, Seed = 9 };

    private static readonly TrainerSettings Settings = new()
    {
        LearningRate = 2e-3,
        Seed = 9,
        Schedule = ScheduleKind.Plateau,
        PlateauPatience = 0,
        SpecAugment = new SpecAugmentSettings(FrequencyMasks: 1, FrequencyMaskWidth: 4, TimeMasks: 1, TimeMaskWidth: 4),
        Jitter = new KeyTempoJitterSettings(MaxShiftBins: 2, MaxStretch: 0.1),
    };

    private readonly TempDirectory _files = new("torch-trainer");

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_same_seed_and_data_give_bit_identical_weights()
    {
        Assert.Equal(Train(0, Steps, null), Train(0, Steps, null));
        Assert.NotEqual(Train(0, Steps, null), Train(0, Steps, null, Settings with { Seed = 10 }));
    }

    [Fact]
    public void A_run_saved_midway_and_resumed_in_a_new_trainer_ends_with_the_weights_of_the_uninterrupted_run()
    {
        var straight = Train(0, Steps, null);
        var checkpoint = Path.Combine(_files.Path, "epoch-0005.ckpt");
        Train(0, Steps / 2, save: checkpoint);
        var resumed = Train(Steps / 2, Steps, null, load: checkpoint);
        Assert.Equal(straight, resumed);
    }

    [Fact]
    public void Bad_settings_are_refused_with_every_reason()
    {
        using var network = Networks.Create(Network);
        var error = Assert.Throws<ArgumentException>(() => new NetworkTrainer(network, Settings with
        {
            LearningRate = 0,
            Loss = new LossSettings { Kind = LossKind.AsymmetricFocal, ClassWeights = [1f, 2f] },
        }));
        Assert.Contains("learning rate", error.Message, StringComparison.Ordinal);
        Assert.Contains("one class weight per class", error.Message, StringComparison.Ordinal);
        Assert.Contains("focal", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Steps [from, to) of one run (an epoch ends after every other step), returning every weight.</summary>
    private static float[][] Train(int from, int to, string? save, TrainerSettings? settings = null, string? load = null)
    {
        using var network = Networks.Create(Network);
        using var trainer = new NetworkTrainer(network, settings ?? Settings);
        if (load is not null)
        {
            trainer.Load(load);
        }

        using var data = NewDisposeScope();
        var (inputs, labels) = NetworkTests.Synthetic(Batch * Steps, Classes, NMels, Frames, seed: 4);
        for (var step = from; step < to; step++)
        {
            using var scope = NewDisposeScope();
            var loss = trainer.Step(inputs.narrow(0, step * Batch, Batch), labels.narrow(0, step * Batch, Batch));
            if (step % 2 == 1)
            {
                trainer.EndEpoch(validationLoss: loss);
            }
        }

        if (save is not null)
        {
            trainer.Save(save);
        }

        return [.. network.Module.parameters().Select(p => p.data<float>().ToArray()), .. network.Module.buffers().Select(b => b.to_type(float32).data<float>().ToArray())];
    }
}
