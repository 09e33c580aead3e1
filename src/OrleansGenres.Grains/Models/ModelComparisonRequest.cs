using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// What a tenant asks to compare: registered versions (<c>name@sha12</c>, two or more, distinct) on one part of a
/// dataset version. Everything but the dataset and the models has a default; nothing is trusted until
/// <see cref="ModelComparisons"/> has checked it.
/// </summary>
/// <param name="Dataset">The tenant's dataset name.</param>
/// <param name="DatasetVersion">A version of it; the latest when absent.</param>
/// <param name="Models">Version ids, <c>name@sha12</c>.</param>
/// <param name="Split"><c>test</c> (default), <c>validation</c> or <c>train</c>, as <c>genres compare --split</c>.</param>
/// <param name="Fold">Evaluate on this fold of the dataset's fold column (default: each model's test fold).</param>
/// <param name="Bootstrap">Paired bootstrap resamples (default 1000).</param>
public sealed record ModelComparisonRequest(
    string? Dataset,
    string? DatasetVersion,
    IReadOnlyList<string>? Models,
    string? Split = null,
    int? Fold = null,
    int? Bootstrap = null);
