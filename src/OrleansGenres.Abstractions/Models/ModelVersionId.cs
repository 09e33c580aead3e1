namespace OrleansGenres.Abstractions.Models;

/// <summary>
/// Version ids are content-derived, <c>name@sha12</c> (<see cref="ActiveModel.VersionOf"/>), not counters like v1, v2:
/// it is the string tracks already record, so a track's <c>model.version</c> names the same weights in every tenant and
/// process; registering the same model twice is naturally idempotent (no allocation race, no gaps); and cache folders
/// keyed by it can never hold stale bytes. The 12 hex digits of the hash are the version's storage key segment.
/// </summary>
public readonly record struct ModelVersionId(string Name, string Hash)
{
    public const int HashLength = 12;

    public string Value => $"{Name}@{Hash}";

    /// <summary>Parses <c>name@sha12</c> with a valid name and hash; false for anything else.</summary>
    public static bool TryParse(string? value, out ModelVersionId id)
    {
        id = default;
        var at = value?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (value is null || at <= 0)
        {
            return false;
        }

        var name = value[..at];
        var hash = value[(at + 1)..];
        if (!ModelName.IsValid(name) || !ModelName.IsValidHash(hash))
        {
            return false;
        }

        id = new ModelVersionId(name, hash);
        return true;
    }

    public override string ToString() => Value;
}
