using System.Text.Json;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// What a client asks to train: a dataset of the tenant (its latest version unless one is named), an experiment config
/// (the name of a config shipped with the service, or a config object), optionally the model name to register under
/// (default: the config's name) and the fold to hold out as the test split.
/// </summary>
public sealed record TrainingJobRequest(
    string? Dataset,
    string? DatasetVersion,
    JsonElement? Config,
    string? ModelName,
    int? TestFold);
