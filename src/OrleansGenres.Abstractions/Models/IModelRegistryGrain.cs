namespace OrleansGenres.Abstractions.Models;

/// <summary>
/// One tenant's model registry (key: the tenant): its versions, the active one, and the re-tagging an activation starts.
/// A version's files are in the blob store before the grain lists it, so a listed version always has its files. The
/// re-tag runs inside the grain on a timer, throttled, its cursor written after every batch; a reminder brings the grain
/// back after a crash and the re-tag continues from its cursor.
/// </summary>
[Alias("genres.model-registry")]
public interface IModelRegistryGrain : IGrainWithStringKey
{
    /// <summary>The registry, or null when the tenant has never registered anything (not even the default model).</summary>
    [Alias("get")]
    Task<ModelRegistryState?> GetAsync();

    /// <summary>Lists <paramref name="entry"/> (its files already stored); an existing version is returned unchanged.</summary>
    [Alias("add")]
    Task<ModelRegistration> AddAsync(RegisteredModel entry);

    /// <summary>Creates an empty registry when there is none (seeding the default model was tried and failed).</summary>
    [Alias("ensure")]
    Task EnsureAsync();

    /// <summary>
    /// Makes <paramref name="version"/> active (null when it is not registered) and, when <paramref name="retag"/>,
    /// replaces the tenant's re-tag job with one for it.
    /// </summary>
    [Alias("activate")]
    Task<ModelActivation?> ActivateAsync(string version, bool retag);

    /// <summary>The latest re-tag job, or null when no activation re-tagged yet.</summary>
    [Alias("retag")]
    Task<RetagJob?> GetRetagAsync();
}

/// <summary>The version as listed, and whether this call listed it.</summary>
[GenerateSerializer, Immutable, Alias("genres.model-registration")]
public sealed record ModelRegistration([property: Id(0)] RegisteredModel Model, [property: Id(1)] bool Created);

/// <summary>The version made active, and the re-tag job it started (null when re-tagging was not asked for).</summary>
[GenerateSerializer, Immutable, Alias("genres.model-activation")]
public sealed record ModelActivation([property: Id(0)] RegisteredModel Model, [property: Id(1)] RetagJob? Retag);
