using OrleansGenres.Abstractions.Tenancy;

using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// Where a tenant's dataset files live: one folder per version
/// (<c>datasets/{tenant}/{name}/{version}/manifest.csv|dataset.json</c>) and the audio, content-addressed and shared by
/// every version of the tenant (<c>datasets/{tenant}/audio/{sha256}</c>). Built only from a validated tenant, name,
/// version and hash: paths written in manifests never become keys.
/// </summary>
public static class DatasetKeys
{
    public const string ManifestFile = "manifest.csv";
    public const string DescriptionFile = "dataset.json";

    /// <summary>
    /// What offline imports listed (the catalogue itself is grain state, which adopts these). "audio" and this file cannot
    /// collide with a dataset called "audio": its folders are named by version, never "catalog.json".
    /// </summary>
    public static string OfflineCatalog(TenantId tenant) => $"datasets/{tenant.Value}/catalog.json";

    public static string Manifest(TenantId tenant, string name, string version) => $"{VersionFolder(tenant, name, version)}/{ManifestFile}";

    public static string Description(TenantId tenant, string name, string version) => $"{VersionFolder(tenant, name, version)}/{DescriptionFile}";

    public static string Audio(TenantId tenant, string sha256)
    {
        if (sha256 is not { Length: 64 } || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException($"'{sha256}' is not a lower-case SHA-256.", nameof(sha256));
        }

        return $"datasets/{tenant.Value}/audio/{sha256}";
    }

    private static string VersionFolder(TenantId tenant, string name, string version)
    {
        DatasetName.Validate(name);
        if (!DatasetName.IsValidVersion(version))
        {
            throw new ArgumentException($"'{version}' is not a dataset version.", nameof(version));
        }

        return $"datasets/{tenant.Value}/{name}/{version}";
    }
}
