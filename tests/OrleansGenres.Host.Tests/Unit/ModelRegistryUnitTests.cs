using OrleansGenres.Grains.Models;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Storage;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Unit;

/// <summary>Model names and version ids, and the registry document's conditional updates on real (Local) storage.</summary>
public sealed class ModelRegistryUnitTests : IDisposable
{
    private readonly TempDirectory _data = new("registry-unit");

    [Theory]
    [InlineData("default", true)]
    [InlineData("res-transformer-2", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("Upper", false)]
    [InlineData("under_score", false)]
    [InlineData("dots.not", false)]
    [InlineData("../etc", false)]
    [InlineData("with space", false)]
    [InlineData("name@abc", false)]
    public void Model_names_are_lower_case_letters_digits_and_dashes(string name, bool valid) => Assert.Equal(valid, ModelName.IsValid(name));

    [Fact]
    public void Model_names_are_at_most_64_characters() =>
        Assert.Equal((true, false), (ModelName.IsValid(new string('a', 64)), ModelName.IsValid(new string('a', 65))));

    [Theory]
    [InlineData("retrained@0123456789ab", true)]
    [InlineData("retrained@0123456789AB", false)]
    [InlineData("retrained@0123456789a", false)]
    [InlineData("@0123456789ab", false)]
    [InlineData("Re@0123456789ab", false)]
    [InlineData("retrained", false)]
    [InlineData("retrained@unhashed0000", false)]
    public void Version_ids_are_a_valid_name_and_twelve_hex_digits(string value, bool valid)
    {
        Assert.Equal(valid, ModelVersionId.TryParse(value, out var id));
        if (valid)
        {
            Assert.Equal(value, id.Value);
        }
    }

    [Fact]
    public void Activating_needs_a_registered_version_and_registering_twice_changes_nothing()
    {
        var entry = Entry("a");
        var state = new ModelRegistryState().With(entry);
        Assert.Same(state, state.With(entry with { RegisteredAt = DateTimeOffset.UnixEpoch }));
        Assert.Throws<KeyNotFoundException>(() => state.Activate("b@0123456789ab", DateTimeOffset.UtcNow));
        var active = state.Activate(entry.Version, DateTimeOffset.UtcNow);
        Assert.Equal(entry, active.ActiveVersion);
    }

    [Fact]
    public async Task Concurrent_registrations_and_an_activation_all_land_in_the_registry_document()
    {
        var storage = new LocalStorageProvider(new LocalStorageOptions { Path = Path.Combine(_data.Path, "store") });
        var registries = new ModelRegistries(new ModelRegistryServices(storage.Objects, TimeProvider.System));
        var tenant = new TenantId("acme");
        var names = Enumerable.Range(0, 6).Select(i => $"model-{i}").ToList();
        var directories = await Task.WhenAll(names.Select(name => ModelFiles.CopyAsync(_data.Path, name)));

        // Each registration is its own grain instance, as on separate nodes: only the ETag keeps them from losing entries.
        var outcomes = await Task.WhenAll(directories.Select(d => registries.Get(tenant).RegisterAsync(d, "test")));
        Assert.All(outcomes, o => Assert.True(o.Created));
        var state = (await registries.Get(tenant).GetAsync())!.Value;
        Assert.Equal(names.Order(), state.Versions.Select(v => v.Name).Order());
        Assert.Null(state.Active);

        var chosen = outcomes[3].Model;
        var activation = await registries.Get(tenant).ActivateAsync(chosen.Id, retag: false);
        Assert.NotNull(activation);
        Assert.Null(activation.Value.Job);
        Assert.Null(await registries.Get(tenant).ActivateAsync(new ModelVersionId("missing", "0123456789ab"), retag: true));
        var again = await registries.Get(tenant).RegisterAsync(directories[3], "test");
        Assert.False(again.Created);
        state = (await registries.Get(tenant).GetAsync())!.Value;
        Assert.Equal(chosen.Version, state.Active);
        Assert.Equal(6, state.Versions.Count);
        // Another tenant sees none of it.
        Assert.Null(await registries.Get(new TenantId("globex")).GetAsync());
    }

    [Fact]
    public async Task A_stale_registry_write_is_refused_so_a_lost_race_is_retried_not_lost()
    {
        var storage = new LocalStorageProvider(new LocalStorageOptions { Path = Path.Combine(_data.Path, "store") });
        var key = ModelKeys.Registry(new TenantId("acme"));
        var first = await storage.Objects.UpdateJsonAsync<ModelRegistryState>(key, s => (s ?? new ModelRegistryState()).With(Entry("a")));
        await storage.Objects.UpdateJsonAsync<ModelRegistryState>(key, s => s!.With(Entry("b")));
        await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            storage.Objects.PutJsonAsync(key, first.Value.With(Entry("c")), new PutOptions { IfMatch = first.ETag }));
        var state = (await storage.Objects.GetJsonAsync<ModelRegistryState>(key))!.Value;
        Assert.Equal(new[] { "a", "b" }, state.Versions.Select(v => v.Name));
    }

    [Fact]
    public void Version_files_live_under_the_tenant_and_only_known_file_names_are_keys()
    {
        var id = new ModelVersionId("retrained", "0123456789ab");
        Assert.Equal("models/acme/retrained/0123456789ab/model.pt", ModelKeys.File(new TenantId("acme"), id, "model.pt"));
        Assert.Throws<ArgumentException>(() => ModelKeys.File(new TenantId("acme"), id, "../x"));
        Assert.Equal("acme", ModelKeys.TenantOfRetagJob(ModelKeys.RetagJob(new TenantId("acme")))?.Value);
        Assert.Null(ModelKeys.TenantOfRetagJob("retag/Bad/job.json"));
    }

    public void Dispose() => _data.Dispose();

    private static RegisteredModel Entry(string name) =>
        new(name, $"{name}@0123456789ab", "0123456789ab", DateTimeOffset.UtcNow, new string('0', 64), new string('1', 64), 10, null, false, "test");
}
