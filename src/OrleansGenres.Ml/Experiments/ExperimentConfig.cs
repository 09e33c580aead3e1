using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrleansGenres.Ml.Models;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch.Models;
using OrleansGenres.Torch.Training;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// One experiment, as written in JSON: front end, data selection, model, training and prediction settings. A config
/// with <see cref="Variants"/> is a sweep: each variant is the base config with the variant's JSON merged over it.
/// </summary>
public sealed record ExperimentConfig
{
    public string Name { get; init; } = "experiment";

    public string? Description { get; init; }

    /// <summary>The dataset the config was made for (a hint for listings; any dataset can be used).</summary>
    public string? Dataset { get; init; }

    public FrontEndSettings FrontEnd { get; init; } = new();

    public DataSettings Data { get; init; } = new();

    public ModelSettings Model { get; init; } = new();

    public TrainingSettings Training { get; init; } = new();

    public PredictionSettings Prediction { get; init; } = new();

    /// <summary>Sweep variants: partial configs (with a name) merged over this one.</summary>
    public IReadOnlyList<JsonObject>? Variants { get; init; }

    [JsonIgnore]
    public bool IsSweep => Variants is { Count: > 0 };

    public static ExperimentConfig Parse(string json, string source)
    {
        ExperimentConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ExperimentConfig>(json, ExperimentJson.Options);
        }
        catch (JsonException e)
        {
            throw new ExperimentConfigException(source, [$"not a valid experiment config: {JsonErrors.Describe(e)}"]);
        }

        if (config is null)
        {
            throw new ExperimentConfigException(source, ["the config is empty"]);
        }

        var errors = config.Validate();
        if (errors.Count > 0)
        {
            throw new ExperimentConfigException(source, errors);
        }

        return config;
    }

    public string ToJson() => JsonSerializer.Serialize(this, ExperimentJson.Options);

    /// <summary>16 hex characters of SHA-256 over the canonical JSON: resumed runs check they continue the same experiment.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())))[..16];

    /// <summary>The sweep's experiments: each variant merged over this config (without the variant list).</summary>
    public IReadOnlyList<ExperimentConfig> ExpandVariants()
    {
        if (!IsSweep)
        {
            return [this];
        }

        var baseNode = JsonSerializer.SerializeToNode(this with { Variants = null }, ExperimentJson.Options)!.AsObject();
        var result = new List<ExperimentConfig>();
        foreach (var variant in Variants!)
        {
            var merged = (JsonObject)baseNode.DeepClone();
            Merge(merged, variant);
            var name = variant["name"]?.GetValue<string>() ?? throw new ExperimentConfigException(Name, ["every variant needs a name"]);
            merged["name"] = name;
            result.Add(Parse(merged.ToJsonString(), $"{Name}/{name}"));
        }

        return result;
    }

    /// <summary>Every problem with the settings, worded for the person who wrote them; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            errors.Add("name must be 1-100 characters");
        }

        try
        {
            var frontEnd = FrontEnd.ToFrontEnd();
            errors.AddRange(frontEnd.Mel.Validate().Select(e => $"frontEnd: {e}"));
            errors.AddRange(frontEnd.Windowing.Validate().Select(e => $"frontEnd: {e}"));
        }
        catch (ArgumentException e)
        {
            errors.Add($"frontEnd: {e.Message}");
        }

        if (Data.TopK is < 1)
        {
            errors.Add("data.topK must be at least 1");
        }

        if (Data.TopK is not null && Data.Labels is not null)
        {
            errors.Add("data: choose topK or labels, not both");
        }

        if (Data.MaxPerClass is < 1)
        {
            errors.Add("data.maxPerClass must be at least 1");
        }

        if (Data.ValidationRatio is < 0 or >= 1)
        {
            errors.Add("data.validationRatio must be in [0, 1)");
        }

        if (Data.MaxWindowsPerTrack is < 1)
        {
            errors.Add("data.maxWindowsPerTrack must be at least 1");
        }

        if (!Enum.IsDefined(Model.Architecture))
        {
            errors.Add("model.architecture must be cnn, resnet18, resTransformer or temporalCnn");
        }

        if (Model.Dropout is < 0 or >= 1)
        {
            errors.Add("model.dropout must be in [0, 1)");
        }

        var t = Training;
        if (t.ClassWeights && t.Loss == LossChoice.AsymmetricFocal)
        {
            errors.Add("training.classWeights applies to cross-entropy and BCE, not to the asymmetric focal loss");
        }

        if (t.LearningRate is <= 0 or > 1)
        {
            errors.Add("training.learningRate must be in (0, 1]");
        }

        if (t.WeightDecay < 0)
        {
            errors.Add("training.weightDecay must not be negative");
        }

        if (t.Epochs is < 1 or > 10_000)
        {
            errors.Add("training.epochs must be 1-10000");
        }

        if (t.EarlyStoppingPatience < 0)
        {
            errors.Add("training.earlyStoppingPatience must not be negative");
        }

        if (t.BatchSize is < 2 or > 4096)
        {
            errors.Add("training.batchSize must be 2-4096 (batch norm needs two items)");
        }

        if (t.SpecAugment.FrequencyMasks < 0 || t.SpecAugment.TimeMasks < 0 || t.SpecAugment.FrequencyMaskWidth < 0 || t.SpecAugment.TimeMaskWidth < 0)
        {
            errors.Add("training.specAugment counts and widths must not be negative");
        }

        if (t.SpecAugment.FrequencyShift < 0)
        {
            errors.Add("training.specAugment.frequencyShift must not be negative");
        }

        if (t.SpecAugment.TimeStretch is < 0 or > 1)
        {
            errors.Add("training.specAugment.timeStretch must be in [0, 1]");
        }

        if (t.Mixup is < 0 or > 10)
        {
            errors.Add("training.mixup (Beta alpha) must be in [0, 10]");
        }

        if (Prediction.Threshold is <= 0 or >= 1)
        {
            errors.Add("prediction.threshold must be in (0, 1)");
        }

        return errors;
    }

    public NetworkOptions ToNetworkOptions(int classes, int nMels) => new()
    {
        Architecture = Model.Architecture,
        Classes = classes,
        NMels = nMels,
        Attention = Model.Attention,
        Dropout = Model.Dropout,
        Device = Model.Device,
        Seed = Training.Seed,
    };

    public TrainerOptions ToTrainerOptions(LossKind loss, IReadOnlyList<float>? classWeights) => new()
    {
        Loss = loss,
        Optimizer = Training.Optimizer,
        LearningRate = Training.LearningRate,
        WeightDecay = Training.WeightDecay,
        Schedule = Training.Schedule,
        Epochs = Training.Epochs,
        PlateauPatience = Training.PlateauPatience,
        PlateauFactor = Training.PlateauFactor,
        MinLearningRate = Training.MinLearningRate,
        GradientClipNorm = Training.GradientClipNorm,
        FocalGammaPositive = Training.FocalGammaPositive,
        FocalGammaNegative = Training.FocalGammaNegative,
        FocalClip = Training.FocalClip,
        ClassWeights = classWeights,
        SpecAugment = Training.SpecAugment,
        Seed = Training.Seed,
    };

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            var existing = target.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase));
            if (value is JsonObject patchObject && existing.Value is JsonObject targetObject)
            {
                Merge(targetObject, patchObject);
            }
            else
            {
                if (existing.Key is not null)
                {
                    target.Remove(existing.Key);
                }

                target[key] = value?.DeepClone();
            }
        }
    }
}
