using OrleansGenres.Ml.Data;

namespace OrleansGenres.Ml.Tests.Unit.Data;

public sealed class FolderDatasetLoaderTests
{
    [Fact]
    public async Task Each_class_folder_gives_its_name_as_the_single_label_of_its_audio_files()
    {
        using var data = new TempDataset().WithFiles(
            "rock/a.mp3", "rock/live/b.FLAC", "jazz/c.wav", "jazz/notes.txt", "jazz/.hidden.wav", ".trash/d.wav", "loose.wav", "empty class/readme.md");

        var dataset = await FolderDatasetLoader.LoadAsync(data.Root);

        Assert.Equal(["jazz/c.wav", "rock/a.mp3", "rock/live/b.FLAC"], dataset.Entries.Select(entry => entry.RelativePath));
        Assert.Equal(["jazz", "rock", "rock"], dataset.Entries.Select(entry => Assert.Single(entry.Labels)));
        Assert.Equal(["jazz", "rock"], dataset.Labels);
        Assert.Equal(Path.Combine(data.Root, "rock", "live", "b.FLAC"), dataset.Entries[2].FullPath);
        Assert.Null(dataset.ManifestPath);
        Assert.False(dataset.IsMultiLabel);
        Assert.False(dataset.HasSplitColumn);
        Assert.Empty(dataset.Folds);
    }

    [Fact]
    public async Task The_extensions_can_be_chosen()
    {
        using var data = new TempDataset().WithFiles("a/x.wav", "a/y.mp3");

        var dataset = await FolderDatasetLoader.LoadAsync(data.Root, new HashSet<string>([".mp3"], StringComparer.OrdinalIgnoreCase));

        Assert.Equal("a/y.mp3", Assert.Single(dataset.Entries).RelativePath);
    }

    [Fact]
    public async Task A_folder_without_audio_in_class_folders_is_an_error()
    {
        using var data = new TempDataset().WithFiles("loose.wav", "docs/readme.md");

        var error = await Assert.ThrowsAsync<DatasetException>(() => FolderDatasetLoader.LoadAsync(data.Root));

        Assert.Contains("no audio files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_loader_prefers_a_manifest_and_falls_back_to_class_folders()
    {
        using var data = new TempDataset().WithFiles("dog/a.wav", "cat/b.wav");

        var byFolder = await DatasetLoader.LoadAsync(data.Root);
        Assert.Equal(["cat", "dog"], byFolder.Labels);

        await File.WriteAllTextAsync(data.ManifestPath, "path,labels\ndog/a.wav,woof\n");
        var byManifest = await DatasetLoader.LoadAsync(data.Root);
        var byManifestFile = await DatasetLoader.LoadAsync(data.ManifestPath);

        Assert.Equal(["woof"], byManifest.Labels);
        Assert.Equal(["woof"], byManifestFile.Labels);
        await Assert.ThrowsAsync<DatasetException>(() => DatasetLoader.LoadAsync(Path.Combine(data.Root, "nothing-here")));
    }
}
