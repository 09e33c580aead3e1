using OrleansGenres.Abstractions.Models;
using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// Where a tenant's model files live: one folder per version
/// (<c>models/{tenant}/{name}/{sha12}/model.pt|model.json|report.json|report.txt</c>; the registry itself is grain
/// state). Built only from a validated tenant and <see cref="ModelVersionId"/>.
/// </summary>
public static class ModelKeys
{
    public const string WeightsFile = "model.pt";
    public const string CardFile = "model.json";
    public const string ReportJsonFile = "report.json";
    public const string ReportTextFile = "report.txt";

    /// <summary>The files a version may hold; anything else in an upload is refused.</summary>
    public static readonly IReadOnlyList<string> Files = [WeightsFile, CardFile, ReportJsonFile, ReportTextFile];

    public static string File(TenantId tenant, ModelVersionId version, string file)
    {
        if (!Files.Contains(file, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{file}' is not a model file.", nameof(file));
        }

        return $"models/{tenant.Value}/{version.Name}/{version.Hash}/{file}";
    }
}
