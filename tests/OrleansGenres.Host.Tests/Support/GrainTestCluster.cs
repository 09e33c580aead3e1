using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansGenres.Abstractions.Analysis;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Grains;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Grains.Training;
using OrleansGenres.Host.Configuration;
using OrleansGenres.Host.Hosting;
using OrleansGenres.Host.Silo;
using OrleansGenres.Storage;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>
/// Real Orleans silos in this process (<see cref="InProcessTestCluster"/>) running the service's grains over a real Local
/// object store (shared by the silos, as Blob Storage would be), our Local grain storage, in-memory reminders, the real
/// decoder and the real default model. Which silos get the <c>analysis</c> role is up to the test.
/// </summary>
public sealed class GrainTestCluster : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private readonly LocalStorageProvider _storage;

    private GrainTestCluster(InProcessTestCluster cluster, TempDirectory data, LocalStorageProvider storage)
    {
        Cluster = cluster;
        _data = data;
        _storage = storage;
    }

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public IObjectStore Objects => _storage.Objects;

    /// <summary>The silo's address as grain state names it (<c>SiloAddress.ToParsableString</c>).</summary>
    public string SiloAddressOf(int index) => Cluster.Silos.Single(s => SiloIndex(s.Name) == index).SiloAddress.ToParsableString();

    /// <summary>Starts <paramref name="silos"/> silos (silo i named <c>silo-i</c>, its worker id the same) and waits until they agree on the cluster.</summary>
    public static async Task<GrainTestCluster> StartAsync(
        int silos = 1,
        Func<int, bool>? analysisOn = null,
        TrackLifecycleOptions? lifecycle = null,
        Func<IAudioDecoder>? decoder = null,
        Func<int, bool>? trainingOn = null,
        RetagOptions? retag = null)
    {
        var data = new TempDirectory("grain-cluster");
        var storage = new LocalStorageProvider(new LocalStorageOptions { Path = Path.Combine(data.Path, "store") });
        var builder = new InProcessTestClusterBuilder((short)silos);
        var lifecycleOptions = lifecycle ?? new TrackLifecycleOptions { ReminderPeriod = TimeSpan.FromSeconds(2), RetryDelay = TimeSpan.FromMilliseconds(500), BusyRetryDelay = TimeSpan.FromMilliseconds(200) };
        builder.ConfigureSilo((options, silo) =>
        {
            var index = SiloIndex(options.SiloName);
            var analysis = analysisOn?.Invoke(index) ?? true;
            var training = trainingOn?.Invoke(index) ?? false;
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = lifecycleOptions.ReminderPeriod);
            foreach (var storageName in GrainStorageNames.All)
            {
                silo.Services.AddGrainStorage(storageName, (provider, name) =>
                    new LocalGrainStorage(name, storage.Objects, provider.GetRequiredService<IGrainStorageSerializer>()));
            }

            silo.AddGenresRoles(HostRoles.Api | (analysis ? HostRoles.Analysis : HostRoles.None) | (training ? HostRoles.Training : HostRoles.None));
            var services = silo.Services;
            services.AddMetrics();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(storage.Objects);
            services.AddSingleton<GenresTelemetry>();
            services.AddSingleton(lifecycleOptions);
            services.AddSingleton(new TrainingJobLifecycleOptions { ReminderPeriod = lifecycleOptions.ReminderPeriod, RetryDelay = TimeSpan.FromMilliseconds(500), BusyRetryDelay = TimeSpan.FromMilliseconds(200) });
            services.AddSingleton(provider => new ModelRegistries(new ModelRegistryServices(storage.Objects, provider.GetRequiredService<IGrainFactory>(), TimeProvider.System)));
            services.AddSingleton(retag ?? new RetagOptions());
            services.AddSingleton(provider => new DatasetCatalogs(new DatasetCatalogServices(storage.Objects, new GrainDatasetIndex(provider.GetRequiredService<IGrainFactory>()), TimeProvider.System, NullLogger.Instance)));
            services.AddSingleton(new ScratchFolder(Path.Combine(data.Path, "scratch", options.SiloName)));
            services.AddSingleton<IActiveModelProvider>(_ => new DirectoryModelProvider(Path.Combine(AppContext.BaseDirectory, "models", "default")));
            if (analysis)
            {
                // The host's own analysis wiring; a test's decoder, registered first, takes the decoder's place.
                services.Configure<AnalysisSettings>(settings => (settings.WorkerId, settings.Concurrency) = ($"silo-{index}", 2));
                if (decoder is not null)
                {
                    services.AddSingleton(_ => decoder());
                }

                services.AddGenresAnalysis();
            }

            if (training)
            {
                // The host's own training wiring: a trainer named after the silo, with its own scratch folder.
                services.Configure<TrainingRoleSettings>(settings =>
                    (settings.TrainerId, settings.WorkPath, settings.ProgressInterval) = ($"silo-{index}", Path.Combine(data.Path, "work", options.SiloName), TimeSpan.FromMilliseconds(200)));
                services.AddGenresTraining();
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await cluster.WaitForLivenessToStabilizeAsync();
        await cluster.WaitForClusterManifestToStabilizeAsync();
        // The client learns the cluster's grain types a moment after the silos agree on them (slower on a busy machine).
        var roleBound = new List<Action<IGrainFactory>>();
        if (Enumerable.Range(0, silos).Any(i => analysisOn?.Invoke(i) ?? true))
        {
            roleBound.Add(grains => grains.GetGrain<IAnalysisWorkerGrain>(0));
        }

        if (Enumerable.Range(0, silos).Any(i => trainingOn?.Invoke(i) ?? false))
        {
            roleBound.Add(grains => grains.GetGrain<ITrainerGrain>("any"));
        }

        await WaitForAsync(() => Task.FromResult(roleBound.All(get => ClientKnows(cluster, get))), known => known, TimeSpan.FromSeconds(60));
        return new GrainTestCluster(cluster, data, storage);
    }

    private static bool ClientKnows(InProcessTestCluster cluster, Action<IGrainFactory> getGrain)
    {
        try
        {
            getGrain(cluster.Client);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The silo's index from its test-cluster name (<c>Silo_0</c>, <c>Silo_1</c>, …).</summary>
    public static int SiloIndex(string siloName)
    {
        var digits = siloName.Length - siloName.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        return digits < siloName.Length ? int.Parse(siloName[digits..], System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"still not there after {timeout}: {last}");
            }

            await Task.Delay(100);
            last = await read();
        }

        return last;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _storage.Dispose();
        _data.Dispose();
    }
}
