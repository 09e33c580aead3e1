using System.Net;

namespace OrleansGenres.Host.Configuration;

/// <summary>
/// Configuration section <c>Orleans</c>: the cluster a silo joins (Azure storage) and its endpoints. The embedded
/// default is a cluster of one on 127.0.0.1. Membership timeouts are Orleans' own options under
/// <c>Orleans:Membership</c> (e.g. <c>ProbeTimeout</c>, <c>NumMissedProbesLimit</c>); Orleans' defaults notice a killed
/// silo within ~10 s.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>Silos with the same cluster id (and storage) form one cluster; default: the Azure container's name.</summary>
    public string? ClusterId { get; set; }

    /// <summary>Names the service's durable data (reminders, grain state) across deployments; default: the cluster id.</summary>
    public string? ServiceId { get; set; }

    /// <summary>Silo-to-silo port; 0 picks a free one at start (fine on one machine; set it in Kubernetes).</summary>
    public int SiloPort { get; set; }

    /// <summary>Client gateway port; 0 picks a free one.</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address other silos reach this one at (a pod's IP in Kubernetes).</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    public string ClusterIdOr(string fallback) => string.IsNullOrWhiteSpace(ClusterId) ? fallback : ClusterId;

    public string ServiceIdOr(string fallback) => string.IsNullOrWhiteSpace(ServiceId) ? ClusterIdOr(fallback) : ServiceId;

    public IEnumerable<string> Validate()
    {
        if (SiloPort is < 0 or > 65535 || GatewayPort is < 0 or > 65535 || (SiloPort != 0 && SiloPort == GatewayPort))
        {
            yield return "Orleans:SiloPort and Orleans:GatewayPort must be 0 (any free port) or distinct ports 1-65535";
        }

        if (!IPAddress.TryParse(AdvertisedIPAddress, out _))
        {
            yield return $"Orleans:AdvertisedIPAddress must be an IP address, not '{AdvertisedIPAddress}'";
        }
    }
}
