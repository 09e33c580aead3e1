using OrleansGenres.Ml.Training;
using OrleansGenres.Torch.Training;

namespace OrleansGenres.Ml.Experiments;

/// <summary>How an experiment optimises: loss, optimiser, schedule, epochs, early stopping, batches, augmentation.</summary>
public sealed record TrainingSettings
{
    public LossChoice Loss { get; init; } = LossChoice.Auto;

    /// <summary>
    /// Weight classes by their training frequency: BCE weighs each class's positives by negatives/positives;
    /// cross-entropy weighs each class by tracks / (classes × its tracks) — the alternative to undersampling.
    /// </summary>
    public bool ClassWeights { get; init; }

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    public double LearningRate { get; init; } = 1e-3;

    public double WeightDecay { get; init; } = 1e-4;

    public ScheduleKind Schedule { get; init; } = ScheduleKind.Plateau;

    public int Epochs { get; init; } = 30;

    /// <summary>Stop after this many epochs without a better validation metric; 0 never stops early.</summary>
    public int EarlyStoppingPatience { get; init; } = 8;

    public int PlateauPatience { get; init; } = 3;

    public double PlateauFactor { get; init; } = 0.5;

    public double MinLearningRate { get; init; } = 1e-5;

    public double GradientClipNorm { get; init; } = 5.0;

    public int BatchSize { get; init; } = 32;

    public SpecAugmentOptions SpecAugment { get; init; } = new()
    {
        FrequencyMasks = 2,
        FrequencyMaskWidth = 8,
        TimeMasks = 2,
        TimeMaskWidth = 16,
    };

    /// <summary>Mixup α: every training batch mixed with λ ~ Beta(α, α) (0 = off; 0.2-0.4 is usual).</summary>
    public double Mixup { get; init; }

    public double FocalGammaPositive { get; init; }

    public double FocalGammaNegative { get; init; } = 4.0;

    public double FocalClip { get; init; } = 0.05;

    public long Seed { get; init; } = 1;

    /// <summary>The loss for data of this kind.</summary>
    public LossKind LossFor(bool multiLabel) => Loss switch
    {
        LossChoice.Auto => multiLabel ? LossKind.Bce : LossKind.CrossEntropy,
        LossChoice.CrossEntropy => LossKind.CrossEntropy,
        LossChoice.Bce => LossKind.Bce,
        _ => LossKind.AsymmetricFocal,
    };
}
