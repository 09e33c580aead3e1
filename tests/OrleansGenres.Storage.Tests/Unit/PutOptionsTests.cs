namespace OrleansGenres.Storage.Tests.Unit;

public sealed class PutOptionsTests
{
    [Fact]
    public void Valid_options_pass()
    {
        new PutOptions { IfMatch = new ETag("\"1\""), ContentType = "audio/mpeg", Metadata = new Dictionary<string, string> { ["tenant"] = "acme", ["_x1"] = "" } }.Validate();
        new PutOptions { IfNoneMatch = true }.Validate();
    }

    [Theory]
    [InlineData("1abc", "v")]
    [InlineData("a-b", "v")]
    [InlineData("", "v")]
    [InlineData("name", " padded")]
    [InlineData("name", "line\nbreak")]
    [InlineData("name", "caf\u00e9")]
    public void Invalid_metadata_is_rejected(string name, string value) =>
        Assert.Throws<ArgumentException>(() => new PutOptions { Metadata = new Dictionary<string, string> { [name] = value } }.Validate());

    [Fact]
    public void Empty_etags_and_bad_content_types_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PutOptions { IfMatch = new ETag("") }.Validate());
        Assert.Throws<ArgumentException>(() => new PutOptions { ContentType = "" }.Validate());
        Assert.Throws<ArgumentException>(() => new PutOptions { ContentType = "text/plain\r\nX-Evil: 1" }.Validate());
    }
}
