namespace OrleansGenres.Storage.Tests.Unit;

public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("tracks/acme/3f2a9c.json")]
    [InlineData("audio/tenant-1/track_2.mp3")]
    [InlineData("features/sr=22050/x.npz")]
    [InlineData(".hidden/..dots/...")]
    [InlineData("A-Z_a-z.0-9=")]
    public void Accepts_well_formed_keys(string key)
    {
        Assert.True(ObjectKey.IsValid(key));
        ObjectKey.Validate(key);
    }

    [Fact]
    public void Accepts_keys_up_to_the_length_limits()
    {
        string longest = string.Join('/', Enumerable.Repeat(new string('k', 127), 3)) + "/" + new string('k', 128); // 3*128 + 128
        Assert.Equal(ObjectKey.MaxLength, longest.Length);
        Assert.True(ObjectKey.IsValid(longest));
        Assert.False(ObjectKey.IsValid(longest + "k"));
        Assert.True(ObjectKey.IsValid(new string('s', ObjectKey.MaxSegmentLength)));
        Assert.False(ObjectKey.IsValid(new string('s', ObjectKey.MaxSegmentLength + 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tracks/")]
    [InlineData("tracks/ac")]
    [InlineData("tracks/acme/")]
    [InlineData("tracks/.")]
    public void Accepts_prefixes(string prefix) => ObjectKey.ValidatePrefix(prefix);

    [Theory]
    [InlineData("/")]
    [InlineData("../")]
    [InlineData("a/../")]
    [InlineData("a//")]
    [InlineData("a b")]
    [InlineData("a/b c")]
    public void Rejects_bad_prefixes(string prefix) => Assert.Throws<ArgumentException>(() => ObjectKey.ValidatePrefix(prefix));

    [Fact]
    public void The_message_names_the_parameter()
    {
        string key = "../x";
        ArgumentException e = Assert.Throws<ArgumentException>(() => ObjectKey.Validate(key));
        Assert.Equal("key", e.ParamName);
    }
}
