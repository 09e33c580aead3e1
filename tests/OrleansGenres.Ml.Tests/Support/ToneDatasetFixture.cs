using OrleansGenres.Audio.Tests.Support;

namespace OrleansGenres.Ml.Tests.Support;

/// <summary>One generated single-label and one multi-label tone dataset (and a feature cache) shared by a test class.</summary>
public sealed class ToneDatasetFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public ToneDatasetFixture()
    {
        SingleLabelManifest = ToneDataset.SingleLabel(Path.Combine(_directory.Path, "single"));
        MultiLabelManifest = ToneDataset.MultiLabel(Path.Combine(_directory.Path, "multi"));
        CacheRoot = Path.Combine(_directory.Path, "cache");
    }

    public string SingleLabelManifest { get; }

    public string MultiLabelManifest { get; }

    public string CacheRoot { get; }

    public string NewFolder(string name)
    {
        var path = Path.Combine(_directory.Path, "runs", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _directory.Dispose();
}
