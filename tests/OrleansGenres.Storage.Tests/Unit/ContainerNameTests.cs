using OrleansGenres.Storage.Azure;

namespace OrleansGenres.Storage.Tests.Unit;

public sealed class ContainerNameTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("analyze-tracks")]
    [InlineData("t0a1b2c3d-analyze")]
    [InlineData("123")]
    public void Accepts_azure_container_names(string name) => Assert.True(ContainerName.IsValid(name));

    [Theory]
    [InlineData(null)]
    [InlineData("ab")]
    [InlineData("ABC")]
    [InlineData("a.b")]
    [InlineData("-ab")]
    [InlineData("ab-")]
    [InlineData("a--b")]
    public void Rejects_others(string? name) => Assert.False(ContainerName.IsValid(name));

    [Fact]
    public void Allows_63_characters_and_no_more()
    {
        Assert.True(ContainerName.IsValid(new string('q', 63)));
        Assert.False(ContainerName.IsValid(new string('q', 64)));
    }
}
