using OrleansGenres.Torch.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Training;

/// <summary>
/// One training run's moving parts around a network: loss, optimiser, schedule, augmentation and their random
/// generators, and checkpoints that hold all of them, so a resumed run continues exactly (bit-identical on CPU).
/// Callers wrap each step in a dispose scope; the trainer keeps nothing from one step to the next.
/// </summary>
public sealed class NetworkTrainer : IDisposable
{
    private const int CheckpointFormat = 1;

    private readonly Network _network;
    private readonly TrainerSettings _settings;
    private readonly OptimizerHelper _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly Generator _augmentGenerator;

    public NetworkTrainer(Network network, TrainerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate(network.Options.Classes);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid trainer settings: {string.Join("; ", problems)}", nameof(settings));
        }

        (_network, _settings) = (network, settings);
        // The run's seed decides dropout too, not only the initial weights.
        network.DropoutGenerator.manual_seed(settings.Seed);
        _augmentGenerator = new Generator((ulong)(settings.Seed + 1));
        var parameters = network.Module.parameters();
        _optimizer = settings.Optimizer == OptimizerKind.Adam
            ? optim.Adam(parameters, settings.LearningRate, weight_decay: settings.WeightDecay)
            : optim.AdamW(parameters, settings.LearningRate, weight_decay: settings.WeightDecay);
        _schedule = new LearningRateSchedule(settings.Schedule, settings.LearningRate, settings.Epochs, settings.MinLearningRate, settings.PlateauFactor, settings.PlateauPatience);
    }

    public double LearningRate => _schedule.Rate;

    public int EpochsDone => _schedule.State.EpochsDone;

    /// <summary>What a training step feeds the network: key/tempo jitter, then SpecAugment masks (drawn on the CPU, so CPU and CUDA runs see the same).</summary>
    public Tensor Augment(Tensor inputs) =>
        SpecAugment.Apply(KeyTempoJitter.Apply(inputs, _settings.Jitter, _augmentGenerator), _settings.SpecAugment, _augmentGenerator);

    /// <summary>One optimiser step on a batch; returns the loss (and the logits, detached, when asked).</summary>
    public double Step(Tensor inputs, Tensor targets, Action<Tensor>? logits = null)
    {
        _network.Module.train();
        _optimizer.zero_grad();
        var output = _network.Forward(Augment(inputs).to(_network.Device));
        logits?.Invoke(output.detach());
        var loss = Losses.Compute(_settings.Loss, output, targets.to(_network.Device));
        loss.backward();
        if (_settings.GradientClipNorm > 0)
        {
            nn.utils.clip_grad_norm_(_network.Module.parameters(), _settings.GradientClipNorm);
        }

        _optimizer.step();
        return loss.item<float>();
    }

    /// <summary>The loss on a batch without learning (eval mode, no augmentation, no gradients).</summary>
    public double Evaluate(Tensor inputs, Tensor targets, Action<Tensor>? logits = null)
    {
        using var noGrad = no_grad();
        _network.Module.eval();
        var output = _network.Forward(inputs.to(_network.Device));
        logits?.Invoke(output);
        return Losses.Compute(_settings.Loss, output, targets.to(_network.Device)).item<float>();
    }

    /// <summary>Ends an epoch: the schedule sees the validation loss; returns the rate for the next epoch.</summary>
    public double EndEpoch(double validationLoss)
    {
        var rate = _schedule.EndEpoch(validationLoss);
        ApplyLearningRate();
        return rate;
    }

    /// <summary>Network, optimiser, schedule and both generators in one file, written aside and renamed into place.</summary>
    public void Save(string path)
    {
        var temporary = path + ".partial";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(CheckpointFormat);
            _network.Module.save(writer);
            _optimizer.save_state_dict(writer);
            var schedule = _schedule.State;
            writer.Write(schedule.Rate);
            writer.Write(schedule.EpochsDone);
            writer.Write(schedule.BestLoss);
            writer.Write(schedule.BadEpochs);
            WriteGenerator(writer, _network.DropoutGenerator);
            WriteGenerator(writer, _augmentGenerator);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Continues from a checkpoint <see cref="Save"/> wrote for the same network and settings.</summary>
    public void Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadInt32() != CheckpointFormat)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a checkpoint of this engine (format {CheckpointFormat})");
        }

        _network.Module.load(reader);
        _optimizer.load_state_dict(reader);
        _schedule.Restore(new ScheduleState(reader.ReadDouble(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadInt32()));
        ReadGenerator(reader, _network.DropoutGenerator);
        ReadGenerator(reader, _augmentGenerator);
        ApplyLearningRate();
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _augmentGenerator.Dispose();
    }

    private void ApplyLearningRate()
    {
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = _schedule.Rate;
        }
    }

    private static void WriteGenerator(BinaryWriter writer, Generator generator)
    {
        using var state = generator.get_state();
        var bytes = state.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static void ReadGenerator(BinaryReader reader, Generator generator)
    {
        var bytes = reader.ReadBytes(reader.ReadInt32());
        using var state = tensor(bytes, dtype: uint8);
        generator.set_state(state);
    }
}
