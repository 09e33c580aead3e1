using Orleans.Core.Internal;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Models;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Grains;

/// <summary>
/// Model registry grains on real silos: concurrent registrations all land, activation needs a registered version, each
/// tenant has its own registry; an activation's re-tag re-queues only analysed tracks, throttled, and a fresh
/// activation of the grain continues the re-tag from its saved cursor.
/// </summary>
public sealed class ModelRegistryGrainTests : IDisposable
{
    private readonly TempDirectory _files = new("registry-grains");
    private readonly TenantId _acme = new("acme");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Concurrent_registrations_and_an_activation_all_land_in_the_tenants_registry()
    {
        await using var cluster = await GrainTestCluster.StartAsync(silos: 2, analysisOn: _ => false);
        var registries = Registries(cluster);
        var names = Enumerable.Range(0, 6).Select(i => $"model-{i}").ToList();
        var directories = await Task.WhenAll(names.Select(name => ModelFiles.CopyAsync(_files.Path, name)));

        var outcomes = await Task.WhenAll(directories.Select(d => registries.Get(_acme).RegisterAsync(d, "test")));
        Assert.All(outcomes, o => Assert.True(o.Created));
        var state = (await registries.Get(_acme).GetAsync())!;
        Assert.Equal(names.Order(), state.Versions.Select(v => v.Name).Order());
        Assert.Null(state.Active);

        var chosen = outcomes[3].Model;
        var activation = await registries.Get(_acme).ActivateAsync(chosen.Id, retag: false);
        Assert.Equal(chosen.Version, activation!.Model.Version);
        Assert.Null(activation.Retag);
        Assert.Null(await registries.Get(_acme).ActivateAsync(new ModelVersionId("missing", "0123456789ab"), retag: true));
        Assert.False((await registries.Get(_acme).RegisterAsync(directories[3], "test")).Created);
        state = (await registries.Get(_acme).GetAsync())!;
        Assert.Equal(chosen.Version, state.Active);
        Assert.Equal(6, state.Versions.Length);
        Assert.Null(await registries.Get(new TenantId("globex")).GetAsync());
    }

    [Fact]
    public async Task An_activation_re_tags_only_analysed_tracks_and_a_new_activation_of_the_grain_continues_from_the_cursor()
    {
        // One track a second: slow enough to interrupt the re-tag midway.
        await using var cluster = await GrainTestCluster.StartAsync(retag: new RetagOptions { PerSecond = 1, BatchSize = 1, DeferredDelay = TimeSpan.FromMilliseconds(200) });
        var tracks = new List<(TrackId Id, ITrackGrain Grain)>();
        for (var i = 0; i < 5; i++)
        {
            tracks.Add(await TrackUploads.UploadAsync(cluster, _acme, TestAudio.ToneWav(300 + (40 * i), 2)));
        }

        var failed = await TrackUploads.UploadAsync(cluster, _acme, TestAudio.NotAudio("ModelRegistryGrainTests.cs"));
        foreach (var (_, grain) in tracks.Append(failed))
        {
            await TrackUploads.WaitUntilSettledAsync(grain);
        }

        var registries = Registries(cluster);
        var retrained = (await registries.Get(_acme).RegisterAsync(await ModelFiles.CopyAsync(_files.Path, "retrained"), "test")).Model;
        var activation = await registries.Get(_acme).ActivateAsync(retrained.Id, retag: true);
        Assert.Equal(retrained.Version, activation!.Retag!.Version);

        // Midway, the grain is deactivated (as when its silo goes): the next activation reloads the job and goes on.
        var registry = cluster.Grains.GetGrain<IModelRegistryGrain>(_acme.Value);
        var midway = await GrainTestCluster.WaitForAsync(registry.GetRetagAsync, job => job!.Queued >= 2, TimeSpan.FromSeconds(60));
        Assert.False(midway!.Done);
        await registry.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        var done = await GrainTestCluster.WaitForAsync(registry.GetRetagAsync, job => job!.Done, TimeSpan.FromSeconds(90));
        Assert.Equal(5, done!.Queued);
        Assert.Equal(tracks.Max(t => t.Id.Value), done.Cursor);
        foreach (var (_, grain) in tracks)
        {
            var state = await GrainTestCluster.WaitForAsync(async () => (await grain.GetAsync())!, s => s.Status == TrackStatus.Completed, TimeSpan.FromSeconds(60));
            Assert.Equal(2, state.History.Length);
        }

        var untouched = (await failed.Grain.GetAsync())!;
        Assert.Equal((TrackStatus.Failed, "InvalidData"), (untouched.Status, untouched.Failure!.Kind));
    }

    private static ModelRegistries Registries(GrainTestCluster cluster) =>
        new(new ModelRegistryServices(cluster.Objects, cluster.Grains, TimeProvider.System));
}
