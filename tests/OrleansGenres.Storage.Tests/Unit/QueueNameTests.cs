namespace OrleansGenres.Storage.Tests.Unit;

public sealed class QueueNameTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("analyze-tracks")]
    [InlineData("t0a1b2c3d-analyze")]
    [InlineData("123")]
    public void Accepts_azure_queue_names(string name) => Assert.True(QueueName.IsValid(name));

    [Theory]
    [InlineData(null)]
    [InlineData("ab")]
    [InlineData("ABC")]
    [InlineData("a.b")]
    [InlineData("-ab")]
    [InlineData("ab-")]
    [InlineData("a--b")]
    public void Rejects_others(string? name) => Assert.False(QueueName.IsValid(name));

    [Fact]
    public void Allows_63_characters_and_no_more()
    {
        Assert.True(QueueName.IsValid(new string('q', 63)));
        Assert.False(QueueName.IsValid(new string('q', 64)));
    }
}
