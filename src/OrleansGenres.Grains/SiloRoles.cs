using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace OrleansGenres.Grains;

/// <summary>
/// A silo's roles as its Orleans silo metadata (<c>roles=api,analysis,training</c>), so grains can find the silos that
/// have one (the training-job grain looks for trainers this way).
/// </summary>
public static class SiloRoles
{
    public const string MetadataKey = "roles";

    public const string Api = "api";
    public const string Analysis = "analysis";
    public const string Training = "training";

    /// <summary>The active silos whose metadata names <paramref name="role"/>.</summary>
    public static IReadOnlyList<SiloAddress> ActiveWith(this IClusterMembershipService membership, ISiloMetadataCache metadata, string role)
    {
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(metadata);
        return [.. membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active && Has(metadata.GetSiloMetadata(member.SiloAddress), role))
            .Select(member => member.SiloAddress)];
    }

    private static bool Has(SiloMetadata metadata, string role) =>
        metadata.Metadata.TryGetValue(MetadataKey, out var roles)
        && roles.Split(',', StringSplitOptions.TrimEntries).Contains(role, StringComparer.Ordinal);
}
