using Orleans.Runtime;

namespace OrleansGenres.Grains.Lifecycle;

/// <summary>Whether the silo that took a piece of work is still in the cluster (how track and job grains find lost work).</summary>
public static class SiloLiveness
{
    /// <summary>
    /// True for a silo that died, one this cluster has never seen (a restarted embedded silo has a new address), and an
    /// address that does not parse.
    /// </summary>
    public static bool HasLeft(this IClusterMembershipService membership, string silo)
    {
        ArgumentNullException.ThrowIfNull(membership);
        try
        {
            return membership.CurrentSnapshot.GetSiloStatus(SiloAddress.FromParsableString(silo)) is SiloStatus.Dead or SiloStatus.None;
        }
        catch (FormatException)
        {
            return true;
        }
    }
}
