using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Local;

/// <summary>Local is the embedded default: what it stored must outlive the process that stored it.</summary>
public sealed class LocalRestartTests : IDisposable
{
    private readonly TempDirectory _folder = new("storage");

    [Fact]
    public async Task Objects_survive_a_restart()
    {
        ObjectProperties written;
        using (var before = Open())
        {
            written = await before.Objects.PutAsync("tracks/acme/t1.json", new MemoryStream("{}"u8.ToArray()),
                new PutOptions { ContentType = "application/json", Metadata = new Dictionary<string, string> { ["tenant"] = "acme" } });
        }

        using var after = Open();
        ObjectProperties? read = await after.Objects.GetPropertiesAsync("tracks/acme/t1.json");
        Assert.NotNull(read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("acme", read.Metadata["tenant"]);
        Assert.Equal("application/json", read.ContentType);
    }

    public void Dispose() => _folder.Dispose();

    private LocalStorageProvider Open() => new(new LocalStorageOptions { Path = _folder.Path });
}
