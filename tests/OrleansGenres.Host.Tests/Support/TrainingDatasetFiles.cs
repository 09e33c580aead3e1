namespace OrleansGenres.Host.Tests.Support;

/// <summary>
/// A small labelled dataset to train on: three pitch bands (low / mid / high) of generated tones, each track a chord
/// of two tones at its own frequencies, with a <c>split</c> column (train and test tracks of every class) and a tiny
/// CNN config that learns it in a few CPU seconds.
/// </summary>
public static class TrainingDatasetFiles
{
    private static readonly (string Label, double Low)[] Bands = [("low", 150), ("mid", 600), ("high", 2000)];

    /// <summary>Writes the files and <c>manifest.csv</c> under <paramref name="folder"/>; returns the manifest and the relative paths.</summary>
    public static (string Manifest, IReadOnlyList<string> Paths) Write(string folder, int tracksPerClass = 8, double seconds = 2)
    {
        var rows = new List<string> { "path,labels,split" };
        var paths = new List<string>();
        foreach (var (label, low) in Bands)
        {
            for (var i = 0; i < tracksPerClass; i++)
            {
                var path = $"{label}/{label}-{i:D2}.wav";
                var file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                // Every track its own pitch inside the band: the model must learn the band, not one frequency.
                File.WriteAllBytes(file, TestAudio.ToneWav(low * (1 + (0.08 * i)), seconds, sampleRate: 8000));
                rows.Add($"{path},{label},{(i % 4 == 3 ? "test" : "train")}");
                paths.Add(path);
            }
        }

        var manifest = Path.Combine(folder, "manifest.csv");
        File.WriteAllLines(manifest, rows);
        return (manifest, paths);
    }

    /// <summary>A tiny CNN experiment (fixed seed, CPU, no early stop) of <paramref name="epochs"/> epochs.</summary>
    public static string ConfigJson(string name, int epochs) => $$"""
        {
          "name": "{{name}}",
          "frontEnd": { "preset": "librosa", "sampleRate": 8000, "nMels": 32, "nFft": 256, "hopLength": 128, "windowSeconds": 0.5, "hopSeconds": 0.25 },
          "data": { "validationRatio": 0.2, "seed": 7 },
          "model": { "architecture": "cnn", "dropout": 0.1, "device": "cpu" },
          "training": { "epochs": {{epochs}}, "batchSize": 8, "learningRate": 0.003, "earlyStoppingPatience": 0, "schedule": "cosine", "seed": 7 }
        }
        """;
}
