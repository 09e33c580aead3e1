namespace OrleansGenres.Host.Tests.Support;

/// <summary>A small dataset made of generated tones: <c>low/*.wav</c> and <c>high/*.wav</c>, with a manifest giving labels and folds.</summary>
public static class ToneDatasetFiles
{
    public static readonly (string Path, string Labels, int Fold, double Frequency)[] Rows =
    [
        ("low/a.wav", "low", 1, 220),
        ("low/b.wav", "low", 2, 247),
        ("high/a.wav", "high", 1, 880),
        ("high/b.wav", "high", 2, 988),
        ("high/c.wav", "high", 2, 1046),
    ];

    /// <summary>Writes the files and <c>manifest.csv</c> under <paramref name="folder"/>; returns the manifest's path.</summary>
    public static string Write(string folder)
    {
        foreach (var (path, _, _, frequency) in Rows)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, TestAudio.ToneWav(frequency, 0.5));
        }

        var manifest = Path.Combine(folder, "manifest.csv");
        File.WriteAllLines(manifest, ["path,labels,fold", .. Rows.Select(r => $"{r.Path},{r.Labels},{r.Fold}")]);
        return manifest;
    }
}
