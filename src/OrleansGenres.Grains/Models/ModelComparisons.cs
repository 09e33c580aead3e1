using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Torch;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// Comparison as a service: a tenant's registered versions on one part of one of its dataset versions, through the same
/// <see cref="ModelComparer"/> as <c>genres compare</c>. Versions come from the model file cache analysis uses, the
/// dataset from a <see cref="DatasetFolderCache"/>, features from a feature cache under the work folder. Models are
/// named by version id in the report, so two versions of one name stay apart. Another tenant's versions and datasets
/// are simply not found.
/// </summary>
public sealed partial class ModelComparisons : IDisposable
{
    private readonly ModelRegistries _registries;
    private readonly DatasetCatalogs _catalogs;
    private readonly ModelComparisonOptions _options;
    private readonly IAudioDecoder _decoder;
    private readonly ILogger<ModelComparisons> _logger;
    private readonly ModelFileCache _models;
    private readonly DatasetFolderCache _datasets;
    // Made on the first comparison: a node of the api role alone never runs the networks otherwise.
    private readonly Lazy<TorchThread> _torchThread = new(() => new TorchThread("genres-compare"), LazyThreadSafetyMode.ExecutionAndPublication);
    // One comparison at a time per node: each decodes, featurises and runs networks on every core it can get, and
    // two at once would only take twice as long each while starving analysis.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ModelComparisons(ModelRegistries registries, DatasetCatalogs catalogs, ModelComparisonOptions options, IAudioDecoder decoder, ILogger<ModelComparisons> logger)
    {
        _registries = registries ?? throw new ArgumentNullException(nameof(registries));
        _catalogs = catalogs ?? throw new ArgumentNullException(nameof(catalogs));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxModels, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTracks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxResamples, ModelComparer.MinResamples);
        _models = new ModelFileCache(options.ModelCachePath);
        _datasets = new DatasetFolderCache(options.DatasetsPath);
    }

    /// <summary>
    /// Runs the comparison. Everything wrong with the request — its shape, versions or datasets this tenant does not
    /// have, models with different label sets, an empty part — comes back at once as a
    /// <see cref="ModelComparisonException"/>.
    /// </summary>
    public async Task<ModelComparisonResult> CompareAsync(TenantId tenant, ModelComparisonRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        var ids = ParseModels(request.Models, problems);
        var split = ParseSplit(request.Split, problems);
        var resamples = request.Bootstrap ?? Bootstrap.DefaultResamples;
        if (resamples < ModelComparer.MinResamples || resamples > _options.MaxResamples)
        {
            problems.Add($"bootstrap must be {ModelComparer.MinResamples}-{_options.MaxResamples} resamples, not {resamples}");
        }

        var registry = _registries.Get(tenant);
        var catalog = _catalogs.Get(tenant);
        var registered = await FindModelsAsync(registry, ids, problems, cancellationToken).ConfigureAwait(false);
        var (dataset, version) = await FindDatasetAsync(catalog, request, problems, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new ModelComparisonException(problems);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var clock = Stopwatch.StartNew();
            var compared = new List<ComparedModel>(registered.Count);
            foreach (var model in registered)
            {
                compared.Add(new ComparedModel(model.Version, await _models.EnsureAsync(registry, model, cancellationToken).ConfigureAwait(false)));
            }

            var data = await _datasets.LoadAsync(catalog, dataset!, version!, cancellationToken).ConfigureAwait(false);
            ModelComparisonReport report;
            try
            {
                report = await ModelComparer.CompareAsync(
                    data, compared, _options.FeaturesPath, _decoder, split, request.Fold, resamples, _torchThread.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (DatasetException e)
            {
                // An empty part, a fold that does not occur, no label in common: the request's choice. The messages
                // without the problems' file, a local path of this node.
                throw new ModelComparisonException([.. e.Problems.Select(p => p.Message)], e);
            }

            LogCompared(tenant.Value, compared.Count, dataset!, version!, report.Tracks, resamples, clock.Elapsed.TotalSeconds);
            return new ModelComparisonResult(dataset!, version!, split, request.Fold, report);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        // The gate is not disposed: a comparison still running at shutdown releases it on its way out.
        if (_torchThread.IsValueCreated)
        {
            _torchThread.Value.Dispose();
        }
    }

    private List<ModelVersionId> ParseModels(IReadOnlyList<string>? models, List<string> problems)
    {
        var ids = new List<ModelVersionId>();
        if (models is null || models.Count < 2 || models.Count > _options.MaxModels)
        {
            problems.Add($"models must list 2-{_options.MaxModels} registered versions (name@sha12), not {models?.Count ?? 0}");
        }

        // Past the limit the ids are not looked at: a huge list would only make a huge answer.
        foreach (var model in models is { } listed && listed.Count <= _options.MaxModels ? listed : [])
        {
            if (!ModelVersionId.TryParse(model, out var id))
            {
                problems.Add($"'{Shorten(model ?? "")}' is not a model version: name@sha12 (12 hex digits of the weights' SHA-256)");
            }
            else if (ids.Contains(id))
            {
                problems.Add($"model {id} is listed twice");
            }
            else
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static SplitPart ParseSplit(string? split, List<string> problems)
    {
        if (split is null)
        {
            return SplitPart.Test;
        }

        // Names only: Enum.TryParse would take "2" as well.
        foreach (var part in Enum.GetValues<SplitPart>())
        {
            if (string.Equals(part.ToString(), split, StringComparison.OrdinalIgnoreCase))
            {
                return part;
            }
        }

        problems.Add($"split must be test, validation or train, not '{Shorten(split)}'");
        return SplitPart.Test;
    }

    private static async Task<List<RegisteredModel>> FindModelsAsync(ModelRegistry registry, List<ModelVersionId> ids, List<string> problems, CancellationToken cancellationToken)
    {
        var state = ids.Count == 0 ? null : await registry.GetAsync().ConfigureAwait(false);
        var found = new List<RegisteredModel>(ids.Count);
        foreach (var id in ids)
        {
            if (state?.Find(id.Value) is { } model)
            {
                found.Add(model);
            }
            else
            {
                problems.Add($"this tenant has no model version {id}");
            }
        }

        return found;
    }

    private async Task<(string? Name, string? Version)> FindDatasetAsync(DatasetCatalog catalog, ModelComparisonRequest request, List<string> problems, CancellationToken cancellationToken)
    {
        if (!DatasetName.IsValid(request.Dataset))
        {
            problems.Add(request.Dataset is null
                ? "dataset must name one of this tenant's datasets"
                : $"'{Shorten(request.Dataset)}' is not a dataset name");
            return (null, null);
        }

        if (request.DatasetVersion is not null && !DatasetName.IsValidVersion(request.DatasetVersion))
        {
            problems.Add($"'{Shorten(request.DatasetVersion)}' is not a dataset version");
            return (null, null);
        }

        if (await catalog.FindAsync(request.Dataset!, cancellationToken).ConfigureAwait(false) is not { } dataset)
        {
            problems.Add($"this tenant has no dataset '{request.Dataset}'");
            return (null, null);
        }

        // Versions are listed oldest first: the latest is the last.
        var entry = request.DatasetVersion is null ? dataset.Versions.LastOrDefault() : dataset.Find(request.DatasetVersion);
        if (entry is null)
        {
            problems.Add($"this tenant has no version {request.DatasetVersion} of dataset '{request.Dataset}'");
            return (null, null);
        }

        if (entry.Tracks > _options.MaxTracks)
        {
            problems.Add($"dataset {dataset.Name}@{entry.Version} holds {entry.Tracks} tracks; a comparison takes at most {_options.MaxTracks}");
        }

        return (dataset.Name, entry.Version);
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Tenant {Tenant} compared {Models} models on {Dataset}@{DatasetVersion}: {Tracks} tracks, {Resamples} resamples, {Seconds:F1} s")]
    private partial void LogCompared(string tenant, int models, string dataset, string datasetVersion, int tracks, int resamples, double seconds);
}
