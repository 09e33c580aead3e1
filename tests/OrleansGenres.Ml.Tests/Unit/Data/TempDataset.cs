using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Ml.Data;

namespace OrleansGenres.Ml.Tests.Unit.Data;

/// <summary>A dataset folder of its own per test: small placeholder files and a manifest written from text.</summary>
internal sealed class TempDataset : IDisposable
{
    private readonly TempDirectory directory = new();

    public string Root => directory.Path;

    public string ManifestPath => Path.Combine(Root, ManifestLoader.DefaultFileName);

    public string AddFile(string relativePath, string content = "audio")
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public TempDataset WithFiles(params string[] relativePaths)
    {
        foreach (var relativePath in relativePaths)
        {
            AddFile(relativePath);
        }

        return this;
    }

    public async Task<Dataset> LoadAsync(string manifest, ManifestOptions? options = null)
    {
        await File.WriteAllTextAsync(ManifestPath, manifest);
        return await ManifestLoader.LoadAsync(ManifestPath, options);
    }

    public Task<Dataset> LoadUncheckedAsync(string manifest) => LoadAsync(manifest, new ManifestOptions { CheckFilesExist = false });

    public async Task<DatasetException> LoadFailsAsync(string manifest, ManifestOptions? options = null) =>
        await Assert.ThrowsAsync<DatasetException>(() => LoadAsync(manifest, options));

    public void Dispose() => directory.Dispose();
}
