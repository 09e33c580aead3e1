using OrleansGenres.Ml.Models;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Training;
using static TorchSharp.torch;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// Optimises a <see cref="TaggingModel"/> batch by batch with the TorchSharp <see cref="NetworkTrainer"/>, taking and
/// giving plain float buffers (each call in its own dispose scope, so no tensor outlives a step); checkpoints hold
/// weights, optimiser, schedule and random generator states so a resumed run continues exactly. Not thread-safe.
/// </summary>
public sealed class ModelTrainer : IDisposable
{
    private readonly TaggingModel _model;
    private readonly NetworkTrainer _trainer;

    private ModelTrainer(TaggingModel model, TrainerOptions options, NetworkTrainer trainer)
    {
        _model = model;
        Options = options;
        _trainer = trainer;
    }

    public TrainerOptions Options { get; }

    /// <summary>A trainer for <paramref name="model"/>; <see cref="ArgumentException"/> listing every problem with the options.</summary>
    public static ModelTrainer Create(TaggingModel model, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var network = model.Network ?? throw new ArgumentException("a TorchScript model is used as it is; train it in PyTorch (or train one of ours here)", nameof(model));
        return new ModelTrainer(model, options, new NetworkTrainer(network, options.ToTrainerSettings()));
    }

    public double LearningRate => _trainer.LearningRate;

    /// <summary>
    /// One optimisation step. Targets: one class index per item (cross-entropy) or [batch, Classes] values (multi-label,
    /// or mixed-up single-label rows). The training-mode logits [batch, Classes] are written when a buffer is given
    /// (training metrics at no extra cost).
    /// </summary>
    public double Step(ReadOnlySpan<float> inputs, int batch, int frames, ReadOnlySpan<float> targets, Span<float> logits = default)
    {
        _model.CheckShape(inputs.Length, batch, frames);
        using var scope = NewDisposeScope();
        var output = logits.IsEmpty ? null : new float[batch * _model.Options.Classes];
        var loss = _trainer.Step(_model.ToBatch(inputs, batch, frames), Targets(targets, batch), output is null ? null : l => l.cpu().data<float>().CopyTo(output));
        output?.CopyTo(logits);
        return loss;
    }

    /// <summary>
    /// The augmented batch the next training step would see (key/tempo jitter, then SpecAugment masks), for inspecting
    /// augmentation settings; draws from the run's augmentation generator as a step does.
    /// </summary>
    public float[] Augment(ReadOnlySpan<float> inputs, int batch, int frames)
    {
        _model.CheckShape(inputs.Length, batch, frames);
        using var scope = NewDisposeScope();
        return _trainer.Augment(_model.ToBatch(inputs, batch, frames)).data<float>().ToArray();
    }

    /// <summary>Loss in evaluation mode; logits [batch, Classes] written when a buffer is given.</summary>
    public double Evaluate(ReadOnlySpan<float> inputs, int batch, int frames, ReadOnlySpan<float> targets, Span<float> logits = default)
    {
        _model.CheckShape(inputs.Length, batch, frames);
        using var scope = NewDisposeScope();
        var output = logits.IsEmpty ? null : new float[batch * _model.Options.Classes];
        var loss = _trainer.Evaluate(_model.ToBatch(inputs, batch, frames), Targets(targets, batch), output is null ? null : l => l.cpu().data<float>().CopyTo(output));
        output?.CopyTo(logits);
        return loss;
    }

    /// <summary>Advances the schedule once per epoch; returns the learning rate for the next epoch.</summary>
    public double EndEpoch(double validationLoss) => _trainer.EndEpoch(validationLoss);

    public void SaveCheckpoint(string path) => _trainer.Save(path);

    public void LoadCheckpoint(string path) => _trainer.Load(path);

    public void Dispose() => _trainer.Dispose();

    /// <summary>Class ids [batch] (long) when there is one value per item, else rows [batch, Classes].</summary>
    private Tensor Targets(ReadOnlySpan<float> targets, int batch)
    {
        var classes = _model.Options.Classes;
        if (targets.Length == batch)
        {
            return FloatTensors.FromSpan(targets, [batch]).to_type(int64);
        }

        if (targets.Length != batch * classes)
        {
            throw new ArgumentException($"targets must be one class id per item ({batch}) or [batch, classes] ({batch * classes}): {targets.Length} given", nameof(targets));
        }

        return FloatTensors.FromSpan(targets, [batch, classes]);
    }
}
