using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Local;

/// <summary>Local-only behaviour of the provider itself: configuration and where files go.</summary>
public sealed class LocalProviderTests : IDisposable
{
    private readonly TempDirectory _folder = new("storage");

    [Fact]
    public void A_data_folder_is_required()
    {
        Assert.Throws<ArgumentException>(() => new LocalStorageProvider(new LocalStorageOptions()));
        Assert.Throws<ArgumentException>(() => new LocalStorageProvider(new LocalStorageOptions { Path = "  " }));
    }

    [Fact]
    public async Task Everything_stays_inside_the_data_folder_in_the_documented_layout()
    {
        using var provider = new LocalStorageProvider(new LocalStorageOptions { Path = _folder.Path });
        await provider.Objects.PutAsync("tracks/acme/t1.json", new MemoryStream([1]));

        string[] files = Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_folder.Path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("locks/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(["objects/tracks/acme/t1.json.~obj"], files);
    }

    public void Dispose() => _folder.Dispose();
}
