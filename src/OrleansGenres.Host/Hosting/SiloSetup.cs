using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Metadata;
using OrleansGenres.Grains;
using OrleansGenres.Grains.Analysis;
using OrleansGenres.Grains.Training;
using OrleansGenres.Host.Configuration;
using OrleansGenres.Host.Silo;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Hosting;

/// <summary>
/// The Orleans silo this process hosts beside ASP.NET Core (ARCHITECTURE.md §2): Azure Table clustering and reminders
/// with Azure Blob grain state when <c>Storage:Provider=Azure</c>; otherwise the embedded cluster of one on 127.0.0.1
/// with grain state and reminders durable in the Local data folder. Roles become silo metadata, and grain classes that
/// belong to a role are registered only on silos that have it, so Orleans places them nowhere else.
/// </summary>
public static class SiloSetup
{
    public static WebApplicationBuilder AddGenresSilo(this WebApplicationBuilder builder, HostRoles roles, StorageSettings storage, ClusterSettings cluster, TimeSpan reminderPeriod, bool dashboard)
    {
        var clusterId = cluster.ClusterIdOr(storage.IsAzure ? storage.Azure.Container : "genres");
        var serviceId = cluster.ServiceIdOr(clusterId);
        var siloPort = cluster.SiloPort == 0 ? FreePort() : cluster.SiloPort;
        var gatewayPort = cluster.GatewayPort == 0 ? FreePort() : cluster.GatewayPort;
        builder.UseOrleans(silo =>
        {
            if (storage.IsAzure)
            {
                var connection = storage.Azure.ConnectionString;
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId));
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedIPAddress), siloPort, gatewayPort);
                silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(connection));
                silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(connection));
                foreach (var name in GrainStorageNames.All)
                {
                    silo.AddAzureBlobGrainStorage(name, o =>
                    {
                        o.BlobServiceClient = new BlobServiceClient(connection);
                        o.ContainerName = storage.Azure.Container + "-grains";
                    });
                }
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
                silo.AddReminders();
                silo.Services.AddSingleton<IReminderTable>(provider => new LocalReminderTable(provider.GetRequiredService<IObjectStore>(), serviceId));
                foreach (var name in GrainStorageNames.All)
                {
                    silo.Services.AddGrainStorage(name, (provider, name) =>
                        new LocalGrainStorage(name, provider.GetRequiredService<IObjectStore>(), provider.GetRequiredService<IGrainStorageSerializer>()));
                }
            }

            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
            // Tests and small deployments watch tracks more often than Orleans' one-minute default allows.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = reminderPeriod < o.MinimumReminderPeriod ? reminderPeriod : o.MinimumReminderPeriod);
            // The upload's trace continues through grain calls into the analysis (spans when OTLP export is on).
            silo.AddActivityPropagation();
            silo.AddGenresRoles(roles);
            if (dashboard)
            {
                silo.AddDashboard();
            }
        });
        return builder;
    }

    /// <summary>
    /// Roles as silo metadata, and the role-bound grain classes removed from silos without the role, so Orleans places
    /// them only where the role is (measured: 30/30 activations on the right silo).
    /// </summary>
    public static ISiloBuilder AddGenresRoles(this ISiloBuilder silo, HostRoles roles)
    {
        ArgumentNullException.ThrowIfNull(silo);
        string[] named =
        [
            .. roles.HasFlag(HostRoles.Api) ? [SiloRoles.Api] : Array.Empty<string>(),
            .. roles.HasFlag(HostRoles.Analysis) ? [SiloRoles.Analysis] : Array.Empty<string>(),
            .. roles.HasFlag(HostRoles.Training) ? [SiloRoles.Training] : Array.Empty<string>(),
        ];
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloRoles.MetadataKey] = string.Join(',', named) });
        if (!roles.HasFlag(HostRoles.Analysis))
        {
            silo.Services.PostConfigure<GrainTypeOptions>(o => o.Classes.Remove(typeof(AnalysisWorkerGrain)));
        }

        if (!roles.HasFlag(HostRoles.Training))
        {
            silo.Services.PostConfigure<GrainTypeOptions>(o => o.Classes.Remove(typeof(TrainerGrain)));
        }

        return silo;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
