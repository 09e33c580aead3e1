using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Tests.Unit.Data;

namespace OrleansGenres.Ml.Tests.Integration.Data;

public sealed class DatasetVersioningTests
{
    private const string Manifest = "path,labels,split,speaker\nclips/a.wav,dog,train,ann\nclips/b.wav,cat,test,bob\nclips/c d.wav,cat;dog,train,ann\n";

    [Fact]
    public async Task The_version_is_stable_while_nothing_changes()
    {
        using var data = Create();

        var first = await VersionAsync(data, Manifest);
        var second = await VersionAsync(data, Manifest);

        Assert.Equal(first.Id, second.Id);
        Assert.Matches("^[0-9a-f]{16}$", first.Id);
        Assert.Equal(first.FileHashes, second.FileHashes);
    }

    [Fact]
    public async Task Changing_one_byte_of_one_file_changes_the_version_and_only_that_file_hash()
    {
        using var data = Create();
        var before = await VersionAsync(data, Manifest);

        // Same length, one byte different: only the content can tell.
        data.AddFile("clips/b.wav", "bbbbbbbbbX");
        var after = await VersionAsync(data, Manifest);

        Assert.NotEqual(before.Id, after.Id);
        Assert.NotEqual(before.FileHashes["clips/b.wav"], after.FileHashes["clips/b.wav"]);
        Assert.Equal(before.FileHashes["clips/a.wav"], after.FileHashes["clips/a.wav"]);
        Assert.Equal(before.FileHashes["clips/c d.wav"], after.FileHashes["clips/c d.wav"]);
    }

    [Theory]
    [InlineData("path,labels,split,speaker\nclips/a.wav,dog,train,ann\nclips/b.wav,dog,test,bob\nclips/c d.wav,cat;dog,train,ann\n")]
    [InlineData("path,labels,split,speaker\nclips/a.wav,dog,train,ann\nclips/b.wav,cat,train,bob\nclips/c d.wav,cat;dog,train,ann\n")]
    [InlineData("path,labels,split,speaker\nclips/a.wav,dog,train,ann\nclips/b.wav,cat,test,eve\nclips/c d.wav,cat;dog,train,ann\n")]
    [InlineData("path,labels,split,speaker\nclips/a.wav,dog,train,ann\nclips/b.wav,cat,test,bob\n")]
    public async Task Changing_labels_splits_extras_or_entries_changes_the_version(string manifest)
    {
        using var data = Create();

        var original = await VersionAsync(data, Manifest);
        var changed = await VersionAsync(data, manifest);

        Assert.NotEqual(original.Id, changed.Id);
    }

    [Fact]
    public async Task Row_order_label_order_line_endings_and_location_do_not_change_the_version()
    {
        using var data = Create();
        var original = await VersionAsync(data, Manifest);

        var reordered = await VersionAsync(data, "path,labels,split,speaker\r\n\"clips/c d.wav\",dog;cat,train,ann\r\nclips/b.wav,cat,test,bob\r\n./clips/a.wav,dog,train,ann\r\n");
        using var copy = new TempDataset();
        foreach (var file in Directory.EnumerateFiles(data.Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Root, Path.GetRelativePath(data.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var moved = await DatasetVersioning.ComputeAsync(await ManifestLoader.LoadAsync(copy.ManifestPath));

        Assert.Equal(original.Id, reordered.Id);
        Assert.Equal(original.Id, moved.Id);
    }

    [Fact]
    public async Task File_hashes_are_the_sha256_of_the_content()
    {
        using var data = new TempDataset();
        data.AddFile("x/abc.wav", "abc");

        var dataset = await data.LoadAsync("path,labels\nx/abc.wav,l\n");
        var version = await DatasetVersioning.ComputeAsync(dataset, maxParallelism: 1);

        const string Sha256OfAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        Assert.Equal(Sha256OfAbc, version.ContentHashOf(dataset.Entries[0]));
        Assert.Equal(Sha256OfAbc, await ContentHash.Sha256Async(dataset.Entries[0].FullPath));
    }

    [Fact]
    public async Task Many_files_hash_in_parallel_to_the_same_result_as_one_at_a_time()
    {
        using var data = new TempDataset();
        var rows = new List<string> { "path,labels" };
        for (var i = 0; i < 64; i++)
        {
            data.AddFile($"c{i % 4}/f{i}.wav", new string((char)('a' + (i % 26)), 1000 + i));
            rows.Add($"c{i % 4}/f{i}.wav,c{i % 4}");
        }

        var dataset = await data.LoadAsync(string.Join('\n', rows));

        var serial = await DatasetVersioning.ComputeAsync(dataset, maxParallelism: 1);
        var parallel = await DatasetVersioning.ComputeAsync(dataset, maxParallelism: 8);

        Assert.Equal(serial.Id, parallel.Id);
        Assert.Equal(serial.FileHashes, parallel.FileHashes);
        Assert.Equal(64, parallel.FileHashes.Count);
    }

    [Fact]
    public async Task Hashing_honours_cancellation()
    {
        using var data = Create();
        var dataset = await data.LoadAsync(Manifest);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DatasetVersioning.ComputeAsync(dataset, 0, new CancellationToken(canceled: true)));
    }

    private static TempDataset Create()
    {
        var data = new TempDataset();
        data.AddFile("clips/a.wav", "aaaaaaaaaa");
        data.AddFile("clips/b.wav", "bbbbbbbbbb");
        data.AddFile("clips/c d.wav", "cccccccccc");
        return data;
    }

    private static async Task<DatasetVersion> VersionAsync(TempDataset data, string manifest) =>
        await DatasetVersioning.ComputeAsync(await data.LoadAsync(manifest));
}
