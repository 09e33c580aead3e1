namespace OrleansGenres.Grains.Models;

/// <summary>
/// <c>models/{tenant}/registry.json</c>: the tenant's versions and which one is active. Null <see cref="Active"/>
/// means the tenant has activated none and uses the host's default model. Written only ETag-conditionally.
/// </summary>
public sealed record ModelRegistryState
{
    public IReadOnlyList<RegisteredModel> Versions { get; init; } = [];

    public string? Active { get; init; }

    public DateTimeOffset? ActivatedAt { get; init; }

    public RegisteredModel? Find(string version) => Versions.FirstOrDefault(v => v.Version == version);

    public RegisteredModel? ActiveVersion => Active is null ? null : Find(Active);

    /// <summary>The state with <paramref name="entry"/> added; unchanged when that version is there already.</summary>
    public ModelRegistryState With(RegisteredModel entry) =>
        Find(entry.Version) is not null ? this : this with { Versions = [.. Versions, entry] };

    /// <summary>The state with <paramref name="version"/> active; throws when it is not registered.</summary>
    public ModelRegistryState Activate(string version, DateTimeOffset at) =>
        Find(version) is null
            ? throw new KeyNotFoundException($"Model version '{version}' is not registered.")
            : this with { Active = version, ActivatedAt = at };
}
