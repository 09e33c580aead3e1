using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Models;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Ml.Inference;

/// <summary>
/// <c>model.json</c>: everything needed to use a trained model and to judge it — labels and their order, the front
/// end and windowing it was trained with, aggregation and thresholds, the network, where its data came from, the
/// full experiment config, training facts and test metrics.
/// </summary>
public sealed record ModelCard
{
    /// <summary>2: weights are a PyTorch state dict (TorchSharp engine); 1 was the retired C++ engine's archive.</summary>
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;

    public required string Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Output order of the network.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    public bool MultiLabel { get; init; }

    /// <summary>Multi-label: one threshold per label (tuned on validation where possible).</summary>
    public IReadOnlyList<float>? Thresholds { get; init; }

    public required FrontEnd FrontEnd { get; init; }

    public Aggregation Aggregation { get; init; } = Aggregation.Mean;

    public required NetworkOptions Model { get; init; }

    public long ParameterCount { get; init; }

    /// <summary>A state dict for <see cref="Model"/> (ours), or a TorchScript module exported from PyTorch.</summary>
    public WeightsFormat WeightsFormat { get; init; } = WeightsFormat.StateDict;

    /// <summary>File name of the weights inside the model directory, and their SHA-256.</summary>
    public string WeightsFile { get; init; } = ModelDirectory.WeightsFileName;

    public string? WeightsSha256 { get; init; }

    public DatasetInfo? Dataset { get; init; }

    public ExperimentConfig? Config { get; init; }

    public TrainingInfo? Training { get; init; }

    /// <summary>Headline test metrics (accuracy, balancedAccuracy, f1Macro, f1Weighted, f1Samples, …).</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }
}

/// <summary>Which data trained and tested a model.</summary>
public sealed record DatasetInfo(string Name, string Version, int TrainTracks, int ValidationTracks, int TestTracks, int? TestFold);

/// <summary>How a model was trained: epochs, the epoch whose weights were kept, time and throughput.</summary>
public sealed record TrainingInfo(
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    double Seconds,
    double WindowsPerSecond,
    string Device,
    IReadOnlyList<EpochRecord> History);
