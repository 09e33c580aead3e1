using OrleansGenres.Abstractions.Tenancy;

using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// A dataset's name: 1-64 lower-case letters, digits or '-'. Names become storage key segments, so anything else is
/// refused before it gets near a key.
/// </summary>
public static class DatasetName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) => KeySegment.IsSlug(name, MaxLength);

    /// <summary>A version id: the Ml layer's dataset version hash (16 lower-case hex digits).</summary>
    public static bool IsValidVersion(string? version) =>
        KeySegment.IsLowerHex(version, Ml.Data.DatasetVersion.IdLength);

    /// <summary>Throws <see cref="ArgumentException"/> with the rule when <paramref name="name"/> is not a dataset name.</summary>
    public static void Validate(string? name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a dataset name: use 1-{MaxLength} lower-case letters, digits or '-'.", nameof(name));
        }
    }
}
