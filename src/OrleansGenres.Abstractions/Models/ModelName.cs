using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Abstractions.Models;

/// <summary>
/// A model's name as its card gives it: 1-64 lower-case letters, digits or '-'. Names become storage keys and cache
/// folder names, so anything else is refused before it gets near a path.
/// </summary>
public static class ModelName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) => KeySegment.IsSlug(name, MaxLength);

    /// <summary>The 12 lower-case hex digits of a version's weights hash (the part after '@'), the key segment of a version.</summary>
    public static bool IsValidHash(string? hash) =>
        KeySegment.IsLowerHex(hash, ModelVersionId.HashLength);
}
