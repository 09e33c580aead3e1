namespace OrleansGenres.Torch.Training;

/// <summary>The optimisers a run may use.</summary>
public enum OptimizerKind
{
    Adam,

    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
}

/// <summary>Everything a training run needs beyond the network: optimiser, rate and its schedule, clipping, loss, augmentation, seed.</summary>
public sealed record TrainerSettings
{
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    public double LearningRate { get; init; } = 1e-3;

    public double WeightDecay { get; init; } = 1e-4;

    public ScheduleKind Schedule { get; init; } = ScheduleKind.None;

    public double MinLearningRate { get; init; }

    public double PlateauFactor { get; init; } = 0.5;

    public int PlateauPatience { get; init; } = 2;

    /// <summary>The run's epochs (the cosine schedule anneals over them).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Gradients are scaled to at most this global norm before each step; 0 turns clipping off.</summary>
    public double GradientClipNorm { get; init; } = 5.0;

    public LossSettings Loss { get; init; } = new();

    public SpecAugmentSettings SpecAugment { get; init; } = new();

    public KeyTempoJitterSettings Jitter { get; init; } = new();

    /// <summary>Decides dropout (the network's generator) and augmentation (its own, seed + 1).</summary>
    public long Seed { get; init; } = 42;

    public IReadOnlyList<string> Validate(int classes)
    {
        var errors = new List<string>();
        if (LearningRate <= 0)
        {
            errors.Add("learning rate must be positive");
        }

        if (WeightDecay < 0)
        {
            errors.Add("weight decay must not be negative");
        }

        if (Loss.ClassWeights is { } weights)
        {
            if (weights.Length != classes)
            {
                errors.Add("one class weight per class is needed");
            }

            if (weights.Any(w => w <= 0))
            {
                errors.Add("class weights must be positive");
            }

            if (Loss.Kind == LossKind.AsymmetricFocal)
            {
                errors.Add("the asymmetric focal loss takes no class weights");
            }
        }

        if (Jitter.MaxShiftBins < 0 || Jitter.MaxStretch is < 0 or > 1)
        {
            errors.Add("frequency shift must not be negative and time stretch must be in [0, 1]");
        }

        return errors;
    }
}
