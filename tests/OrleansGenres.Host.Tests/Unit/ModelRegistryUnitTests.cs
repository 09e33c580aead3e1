using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Host.Tests.Unit;

/// <summary>Model names, version ids, the registry state's rules and where version files live.</summary>
public sealed class ModelRegistryUnitTests
{
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
    public void Registering_a_listed_version_again_changes_nothing()
    {
        var entry = Entry("a");
        var state = new ModelRegistryState().With(entry);
        Assert.Same(state, state.With(entry with { RegisteredAt = DateTimeOffset.UnixEpoch }));
        Assert.Null((state with { Active = entry.Version }).Find("b@0123456789ab"));
        Assert.Equal(entry, (state with { Active = entry.Version }).ActiveVersion);
    }

    [Fact]
    public void Version_files_live_under_the_tenant_and_only_known_file_names_are_keys()
    {
        var id = new ModelVersionId("retrained", "0123456789ab");
        Assert.Equal("models/acme/retrained/0123456789ab/model.pt", ModelKeys.File(new TenantId("acme"), id, "model.pt"));
        Assert.Throws<ArgumentException>(() => ModelKeys.File(new TenantId("acme"), id, "../x"));
    }

    private static RegisteredModel Entry(string name) =>
        new(name, $"{name}@0123456789ab", "0123456789ab", DateTimeOffset.UtcNow, new string('0', 64), new string('1', 64), 10, null, false, "test");
}
