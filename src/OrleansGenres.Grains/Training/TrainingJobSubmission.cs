using System.Text.Json;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Ml.Experiments;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// Turns a <see cref="TrainingJobRequest"/> into a new job only when everything that can be known before training is
/// right: the dataset version exists for the tenant, the config parses and validates, is not a sweep, its loss fits the
/// dataset (single- or multi-label), its class selection leaves two classes, the model name and the fold are valid.
/// Every problem is listed, so one round trip fixes them all.
/// </summary>
public static class TrainingJobSubmission
{
    public sealed record Result(TrainingJobState? Job, IReadOnlyList<string> Problems);

    public static async Task<Result> ValidateAsync(
        TrainingJobRequest request, DatasetCatalog catalog, TrainingJobId id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        var config = ParseConfig(request.Config, problems);
        var description = await FindDatasetAsync(request, catalog, problems, cancellationToken).ConfigureAwait(false);

        var modelName = request.ModelName ?? config?.Name;
        if (modelName is not null && !ModelName.IsValid(modelName))
        {
            problems.Add(request.ModelName is null
                ? $"config name '{modelName}' is not a model name (1-{ModelName.MaxLength} lower-case letters, digits or '-'): pass 'modelName'"
                : $"modelName '{modelName}' is not a model name: use 1-{ModelName.MaxLength} lower-case letters, digits or '-'");
        }

        if (config is not null && description is not null)
        {
            if (ExperimentRunner.LossProblem(config, description.MultiLabel) is { } lossProblem)
            {
                problems.Add($"config: {lossProblem}");
            }

            var labels = description.Labels.Select(l => l.Label).ToHashSet(StringComparer.Ordinal);
            if (config.Data.Labels is { } wanted)
            {
                var missing = wanted.Where(label => !labels.Contains(label)).ToArray();
                if (missing.Length > 0)
                {
                    problems.Add($"config data.labels names labels the dataset does not have: {string.Join(", ", missing)}");
                }
                else if (wanted.Distinct(StringComparer.Ordinal).Count() < 2)
                {
                    problems.Add("config data.labels must keep at least two classes");
                }
            }
            else if (labels.Count < 2)
            {
                problems.Add($"dataset {description.Name}@{description.Version} has fewer than two labels");
            }

            if (request.TestFold is { } fold && !description.Folds.Contains(fold))
            {
                problems.Add(description.Folds.Count == 0
                    ? "testFold: the dataset has no fold column"
                    : $"testFold {fold} is not one of the dataset's folds ({string.Join(", ", description.Folds)})");
            }
        }

        if (problems.Count > 0 || config is null || description is null || modelName is null)
        {
            return new Result(null, problems);
        }

        var named = config with { Name = modelName };
        return new Result(new TrainingJobState
        {
            JobId = id.Value,
            Tenant = catalog.Tenant.Value,
            Dataset = description.Name,
            DatasetVersion = description.Version,
            ModelName = modelName,
            ConfigJson = named.ToJson(),
            ConfigHash = named.Hash,
            TestFold = request.TestFold,
            CreatedAt = now,
        }, problems);
    }

    /// <summary>The job's config as the runner uses it (parsed again from the stored JSON).</summary>
    public static ExperimentConfig ConfigOf(TrainingJobState job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return ExperimentConfig.Parse(job.ConfigJson, $"job {job.JobId}");
    }

    private static ExperimentConfig? ParseConfig(JsonElement? element, List<string> problems)
    {
        try
        {
            ExperimentConfig config;
            switch (element)
            {
                case null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                    problems.Add("config is required: the name of a shipped config or a config object");
                    return null;
                case { ValueKind: JsonValueKind.String } name:
                    config = ExperimentConfigCatalog.BuiltIn().FirstOrDefault(c => string.Equals(c.Name, name.GetString(), StringComparison.OrdinalIgnoreCase))
                        ?? throw new ArgumentException($"config: no shipped config named '{Shorten(name.GetString())}'; shipped: {string.Join(", ", ExperimentConfigCatalog.BuiltIn().Select(c => c.Name))}");
                    break;
                case { ValueKind: JsonValueKind.Object } json:
                    config = ExperimentConfig.Parse(json.GetRawText(), "config");
                    break;
                default:
                    problems.Add("config must be a config name (string) or a config object");
                    return null;
            }

            if (config.IsSweep)
            {
                problems.Add($"config {config.Name} is a sweep of {config.Variants!.Count} variants: submit one job per variant");
                return null;
            }

            return config;
        }
        catch (ExperimentConfigException e)
        {
            problems.AddRange(e.Errors.Select(problem => $"config: {problem}"));
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message);
        }

        return null;
    }

    private static async Task<DatasetDescription?> FindDatasetAsync(TrainingJobRequest request, DatasetCatalog catalog, List<string> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Dataset))
        {
            problems.Add("dataset is required: the name of one of the tenant's datasets");
            return null;
        }

        if (!DatasetName.IsValid(request.Dataset) || (request.DatasetVersion is not null && !DatasetName.IsValidVersion(request.DatasetVersion)))
        {
            problems.Add($"no dataset '{Shorten(request.Dataset)}{(request.DatasetVersion is null ? "" : "@" + Shorten(request.DatasetVersion))}'");
            return null;
        }

        var dataset = await catalog.FindAsync(request.Dataset, cancellationToken).ConfigureAwait(false);
        var version = request.DatasetVersion ?? dataset?.Versions.LastOrDefault()?.Version;
        var description = dataset is null || version is null ? null : await catalog.DescribeAsync(request.Dataset, version, cancellationToken).ConfigureAwait(false);
        if (description is null)
        {
            problems.Add(dataset is null ? $"no dataset '{request.Dataset}'" : $"dataset '{request.Dataset}' has no version '{version}'");
        }

        return description;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 80 ? text : text[..80] + "…";
}
