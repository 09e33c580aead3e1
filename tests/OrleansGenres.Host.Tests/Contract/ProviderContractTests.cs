using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using OrleansGenres.Host.Silo;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Contract;

/// <summary>Our Local grain storage (embedded silo) under the grain storage contract.</summary>
public sealed class LocalGrainStorageTests : GrainStorageContract, IDisposable
{
    private readonly TempDirectory _data = new("local-grain-storage");

    protected override Task<ProviderSilo> StartSiloAsync()
    {
        var store = new LocalStorageProvider(new LocalStorageOptions { Path = _data.Path }).Objects;
        return ProviderSilo.StartAsync(silo => silo.Services.AddGrainStorage(ProviderSilo.StorageName, (provider, name) =>
            new LocalGrainStorage(name, store, provider.GetRequiredService<IGrainStorageSerializer>())));
    }

    public void Dispose() => _data.Dispose();
}

/// <summary>Orleans' Azure Blob grain storage on Azurite under the same contract.</summary>
public sealed class AzureBlobGrainStorageTests(AzuriteFixture azurite) : GrainStorageContract, IClassFixture<AzuriteFixture>
{
    protected override Task<ProviderSilo> StartSiloAsync() =>
        ProviderSilo.StartAsync(silo => silo.AddAzureBlobGrainStorage(ProviderSilo.StorageName, o =>
        {
            o.BlobServiceClient = new BlobServiceClient(azurite.ConnectionString);
            o.ContainerName = "c" + Guid.NewGuid().ToString("N")[..12];
        }));
}

/// <summary>Our Local reminder table (embedded silo) under the reminder table contract.</summary>
public sealed class LocalReminderTableTests : ReminderTableContract, IDisposable
{
    private readonly TempDirectory _data = new("local-reminders");

    protected override Task<ProviderSilo> StartSiloAsync()
    {
        var store = new LocalStorageProvider(new LocalStorageOptions { Path = _data.Path }).Objects;
        return ProviderSilo.StartAsync(silo =>
        {
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(new LocalReminderTable(store, "contract"));
        });
    }

    public void Dispose() => _data.Dispose();
}

/// <summary>Orleans' Azure Table reminder table on Azurite under the same contract.</summary>
public sealed class AzureTableReminderTableTests(AzuriteFixture azurite) : ReminderTableContract, IClassFixture<AzuriteFixture>
{
    protected override Task<ProviderSilo> StartSiloAsync() =>
        ProviderSilo.StartAsync(silo => silo.UseAzureTableReminderService(o =>
        {
            o.TableServiceClient = new TableServiceClient(azurite.ConnectionString);
            o.TableName = "r" + Guid.NewGuid().ToString("N")[..12];
        }));
}
