namespace OrleansGenres.Abstractions.Models;

/// <summary>
/// The tenant's registered versions and which one is active (part of the registry grain's state). Null
/// <see cref="Active"/> means the tenant has activated none and uses the host's default model.
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.model-registry-state")]
public sealed record ModelRegistryState
{
    [Id(0)] public RegisteredModel[] Versions { get; init; } = [];

    [Id(1)] public string? Active { get; init; }

    [Id(2)] public DateTimeOffset? ActivatedAt { get; init; }

    public RegisteredModel? Find(string version) => Versions.FirstOrDefault(v => v.Version == version);

    public RegisteredModel? ActiveVersion => Active is null ? null : Find(Active);

    /// <summary>The state with <paramref name="entry"/> added; unchanged when that version is there already.</summary>
    public ModelRegistryState With(RegisteredModel entry) =>
        Find(entry.Version) is not null ? this : this with { Versions = [.. Versions, entry] };
}

/// <summary>One registered version (its card, weights and report stay in the blob store under the version's folder).</summary>
[GenerateSerializer, Immutable, Alias("genres.registered-model")]
public sealed record RegisteredModel(
    [property: Id(0)] string Name,
    [property: Id(1)] string Version,
    [property: Id(2)] string Hash,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] string WeightsSha256,
    [property: Id(5)] string CardSha256,
    [property: Id(6)] long ParameterCount,
    [property: Id(7)] Dictionary<string, double>? Metrics,
    [property: Id(8)] bool HasReport,
    [property: Id(9)] string Origin)
{
    public ModelVersionId Id => new(Name, Hash);
}

/// <summary>
/// Re-queue the tenant's analysed tracks for <see cref="Version"/> (started by an activation). The cursor is the last
/// track id handled (the index lists ids in order), so a re-activated registry grain continues where it stopped. A newer
/// activation replaces the job (new <see cref="JobId"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.retag-job")]
public sealed record RetagJob
{
    [Id(0)] public required string JobId { get; init; }

    [Id(1)] public required string Version { get; init; }

    [Id(2)] public DateTimeOffset StartedAt { get; init; }

    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }

    [Id(4)] public string? Cursor { get; init; }

    /// <summary>Every track has been looked at once; what is left are the <see cref="Deferred"/> ones.</summary>
    [Id(5)] public bool Scanned { get; init; }

    /// <summary>Tracks queued again so far.</summary>
    [Id(6)] public int Queued { get; init; }

    /// <summary>Tracks being analysed when their turn came: tried again after the pass.</summary>
    [Id(7)] public string[] Deferred { get; init; } = [];

    [Id(8)] public int DeferredRounds { get; init; }

    [Id(9)] public DateTimeOffset? CompletedAt { get; init; }

    public bool Done => CompletedAt is not null;
}
