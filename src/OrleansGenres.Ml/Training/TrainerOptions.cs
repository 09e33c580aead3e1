using OrleansGenres.Torch.Training;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// The optimisation side of an experiment as its config names it (flat: loss, optimiser, schedule, clipping, focal
/// settings, class weights, augmentation, seed); <see cref="ToTrainerSettings"/> gives the engine's form.
/// </summary>
public sealed record TrainerOptions
{
    public LossKind Loss { get; init; } = LossKind.CrossEntropy;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    public double LearningRate { get; init; } = 1e-3;

    public double WeightDecay { get; init; } = 1e-4;

    public ScheduleKind Schedule { get; init; } = ScheduleKind.Plateau;

    /// <summary>Cosine: epochs to anneal over.</summary>
    public int Epochs { get; init; } = 20;

    public int PlateauPatience { get; init; } = 2;

    public double PlateauFactor { get; init; } = 0.5;

    public double MinLearningRate { get; init; } = 1e-6;

    /// <summary>Maximum gradient norm; 0 disables clipping.</summary>
    public double GradientClipNorm { get; init; } = 5.0;

    public double FocalGammaPositive { get; init; }

    public double FocalGammaNegative { get; init; } = 4.0;

    public double FocalClip { get; init; } = 0.05;

    /// <summary>
    /// One weight per class, or null. BCE: the weight of each class's positives (e.g. negatives/positives);
    /// cross-entropy: the weight of each class in a weighted mean over items (e.g. inverse frequency).
    /// </summary>
    public IReadOnlyList<float>? ClassWeights { get; init; }

    public SpecAugmentOptions SpecAugment { get; init; } = new();

    public long Seed { get; init; } = 1;

    public TrainerSettings ToTrainerSettings() => new()
    {
        Optimizer = Optimizer,
        LearningRate = LearningRate,
        WeightDecay = WeightDecay,
        Schedule = Schedule,
        MinLearningRate = MinLearningRate,
        PlateauFactor = PlateauFactor,
        PlateauPatience = PlateauPatience,
        Epochs = Epochs,
        GradientClipNorm = GradientClipNorm,
        Loss = new LossSettings
        {
            Kind = Loss,
            ClassWeights = ClassWeights?.ToArray(),
            GammaPositive = FocalGammaPositive,
            GammaNegative = FocalGammaNegative,
            Clip = FocalClip,
        },
        SpecAugment = new SpecAugmentSettings(SpecAugment.FrequencyMasks, SpecAugment.FrequencyMaskWidth, SpecAugment.TimeMasks, SpecAugment.TimeMaskWidth),
        Jitter = new KeyTempoJitterSettings(SpecAugment.FrequencyShift, SpecAugment.TimeStretch),
        Seed = Seed,
    };
}
