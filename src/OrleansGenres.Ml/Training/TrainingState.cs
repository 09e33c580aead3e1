using System.Text.Json;
using OrleansGenres.Ml.Experiments;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// <c>training-state.json</c> in a run's checkpoint folder: what the run is (config and dataset version, so a resume
/// cannot continue a different experiment), how far it got, its history, and which checkpoint files hold that point.
/// Written after the files it names, atomically, so it always describes complete files.
/// </summary>
public sealed record TrainingState
{
    public const string FileName = "training-state.json";

    public required string ConfigHash { get; init; }

    public required string DatasetVersion { get; init; }

    public int? TestFold { get; init; }

    public int EpochsDone { get; init; }

    public IReadOnlyList<EpochRecord> History { get; init; } = [];

    public int BestEpoch { get; init; }

    public double BestMetric { get; init; } = double.NegativeInfinity;

    public double BestLoss { get; init; } = double.PositiveInfinity;

    /// <summary>Trainer checkpoint after <see cref="EpochsDone"/> epochs (weights, optimiser, schedule, generators).</summary>
    public string? CheckpointFile { get; init; }

    /// <summary>Weights of <see cref="BestEpoch"/>.</summary>
    public string? BestWeightsFile { get; init; }

    public bool StoppedEarly { get; init; }

    public bool Finished { get; init; }

    public double TrainingSeconds { get; init; }

    public static TrainingState? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllBytes(path)) : null;
    }

    /// <summary>The state from the bytes of a <c>training-state.json</c> (e.g. a copy in an object store).</summary>
    public static TrainingState Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<TrainingState>(json, ExperimentJson.Options) ?? throw new JsonException($"{FileName} holds null");

    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, ExperimentJson.Options));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
