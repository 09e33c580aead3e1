using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// Where a tenant's models live: <c>models/{tenant}/registry.json</c> and one folder per version
/// (<c>models/{tenant}/{name}/{sha12}/model.pt|model.json|report.json|report.txt</c>). Built only from a validated
/// tenant and <see cref="ModelVersionId"/>.
/// </summary>
public static class ModelKeys
{
    public const string WeightsFile = "model.pt";
    public const string CardFile = "model.json";
    public const string ReportJsonFile = "report.json";
    public const string ReportTextFile = "report.txt";

    /// <summary>The files a version may hold; anything else in an upload is refused.</summary>
    public static readonly IReadOnlyList<string> Files = [WeightsFile, CardFile, ReportJsonFile, ReportTextFile];

    public static string Registry(TenantId tenant) => $"models/{tenant.Value}/registry.json";

    public static string File(TenantId tenant, ModelVersionId version, string file)
    {
        if (!Files.Contains(file, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{file}' is not a model file.", nameof(file));
        }

        return $"models/{tenant.Value}/{version.Name}/{version.Hash}/{file}";
    }

    /// <summary>The tenant's re-tag job (one at a time: a newer activation replaces it).</summary>
    public static string RetagJob(TenantId tenant) => $"{RetagJobPrefix}{tenant.Value}/job.json";

    public const string RetagJobPrefix = "retag/";

    public static string RetagLease(TenantId tenant) => $"leases/retag/{tenant.Value}";

    /// <summary>The tenant of a key found by listing <see cref="RetagJobPrefix"/>, or null.</summary>
    public static TenantId? TenantOfRetagJob(string key)
    {
        if (!key.StartsWith(RetagJobPrefix, StringComparison.Ordinal) || !key.EndsWith("/job.json", StringComparison.Ordinal))
        {
            return null;
        }

        var name = key[RetagJobPrefix.Length..^"/job.json".Length];
        return TenantId.IsValid(name) ? new TenantId(name) : null;
    }
}
