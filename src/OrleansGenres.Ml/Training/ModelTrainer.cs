using OrleansGenres.Ml.Models;
using OrleansGenres.Native;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// Optimises a <see cref="TaggingModel"/> batch by batch in the native library; checkpoints hold weights, optimiser,
/// schedule and random generator states so a resumed run continues exactly. Not thread-safe.
/// </summary>
public sealed class ModelTrainer : IDisposable
{
    private readonly TaggingModel _model;
    private readonly TrainerHandle _handle;

    private ModelTrainer(TaggingModel model, TrainerOptions options, TrainerHandle handle)
    {
        _model = model;
        Options = options;
        _handle = handle;
    }

    public TrainerOptions Options { get; }

    public static unsafe ModelTrainer Create(TaggingModel model, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var weights = options.ClassWeights?.ToArray();
        fixed (float* classWeights = weights)
        {
            var native = new TrainerNativeMethods.TrainerOptionsNative
            {
                Loss = (int)options.Loss,
                Optimizer = (int)options.Optimizer,
                Schedule = (int)options.Schedule,
                Epochs = options.Epochs,
                PlateauPatience = options.PlateauPatience,
                FreqMasks = options.SpecAugment.FrequencyMasks,
                FreqMaskWidth = options.SpecAugment.FrequencyMaskWidth,
                TimeMasks = options.SpecAugment.TimeMasks,
                TimeMaskWidth = options.SpecAugment.TimeMaskWidth,
                FreqShiftBins = options.SpecAugment.FrequencyShift,
                TimeStretch = options.SpecAugment.TimeStretch,
                LearningRate = options.LearningRate,
                WeightDecay = options.WeightDecay,
                GradClipNorm = options.GradientClipNorm,
                PlateauFactor = options.PlateauFactor,
                MinLearningRate = options.MinLearningRate,
                FocalGammaPositive = options.FocalGammaPositive,
                FocalGammaNegative = options.FocalGammaNegative,
                FocalClip = options.FocalClip,
                ClassWeights = classWeights,
                ClassWeightCount = weights?.Length ?? 0,
                Seed = options.Seed,
            };
            NativeCall.Check(TrainerNativeMethods.Create(model.Handle, native, out var handle));
            handle.Borrow(model.Handle);
            return new ModelTrainer(model, options, handle);
        }
    }

    public double LearningRate
    {
        get
        {
            NativeCall.Check(TrainerNativeMethods.LearningRate(_handle, out var rate));
            return rate;
        }
    }

    /// <summary>
    /// One optimisation step. Targets: one class index per item (cross-entropy) or [batch, Classes] 0/1 values.
    /// The training-mode logits [batch, Classes] are written when a buffer is given (training metrics at no extra cost).
    /// </summary>
    public unsafe double Step(ReadOnlySpan<float> inputs, int batch, int frames, ReadOnlySpan<float> targets, Span<float> logits = default)
    {
        _model.CheckShape(inputs.Length, batch, frames);
        fixed (float* input = inputs)
        fixed (float* target = targets)
        fixed (float* output = logits)
        {
            NativeCall.Check(TrainerNativeMethods.Step(
                _handle, input, batch, _model.Options.NMels, frames, target, targets.Length, out var loss, logits.IsEmpty ? null : output, logits.Length));
            return loss;
        }
    }

    /// <summary>
    /// The augmented batch the next training step would see (key/tempo jitter, then SpecAugment masks), for inspecting
    /// augmentation settings; draws from the run's augmentation generator as a step does.
    /// </summary>
    public unsafe float[] Augment(ReadOnlySpan<float> inputs, int batch, int frames)
    {
        _model.CheckShape(inputs.Length, batch, frames);
        var augmented = new float[inputs.Length];
        fixed (float* input = inputs)
        fixed (float* output = augmented)
        {
            NativeCall.Check(TrainerNativeMethods.Augment(_handle, input, batch, _model.Options.NMels, frames, output, augmented.Length));
        }

        return augmented;
    }

    /// <summary>Loss in evaluation mode; logits [batch, Classes] written when a buffer is given.</summary>
    public unsafe double Evaluate(ReadOnlySpan<float> inputs, int batch, int frames, ReadOnlySpan<float> targets, Span<float> logits = default)
    {
        _model.CheckShape(inputs.Length, batch, frames);
        fixed (float* input = inputs)
        fixed (float* target = targets)
        fixed (float* output = logits)
        {
            NativeCall.Check(TrainerNativeMethods.Evaluate(
                _handle, input, batch, _model.Options.NMels, frames, target, targets.Length, out var loss, logits.IsEmpty ? null : output, logits.Length));
            return loss;
        }
    }

    /// <summary>Advances the schedule once per epoch; returns the learning rate for the next epoch.</summary>
    public double EndEpoch(double validationLoss)
    {
        NativeCall.Check(TrainerNativeMethods.EndEpoch(_handle, validationLoss, out var rate));
        return rate;
    }

    public void SaveCheckpoint(string path) => NativeCall.Check(TrainerNativeMethods.Save(_handle, path));

    public void LoadCheckpoint(string path) => NativeCall.Check(TrainerNativeMethods.Load(_handle, path));

    public void Dispose() => _handle.Dispose();
}
