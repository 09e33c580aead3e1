using System.Globalization;
using System.Text;
using OrleansGenres.Audio.Tests.Support;

namespace OrleansGenres.Ml.Tests.Support;

/// <summary>
/// Small labelled datasets generated with ffmpeg's aevalsrc (nothing binary committed): tones and noise that a tiny
/// model can tell apart in a few epochs, each file a little different (pitch, level), with a manifest.
/// </summary>
public static class ToneDataset
{
    /// <summary>
    /// Single-label: "low" (200-320 Hz), "high" (1400-2000 Hz), "noise"; <paramref name="perClass"/> files each, a
    /// quarter test — or, with <paramref name="folds"/>, a fold column (1..folds) instead of the split column.
    /// </summary>
    public static string SingleLabel(string directory, int perClass = 16, double seconds = 1.0, int folds = 0)
    {
        var rows = new List<string>();
        for (var i = 0; i < perClass; i++)
        {
            var split = folds > 0 ? ((i % folds) + 1).ToString(CultureInfo.InvariantCulture) : i % 4 == 0 ? "test" : "train";
            var level = 0.3 + (0.05 * (i % 5));
            rows.Add(Make(directory, $"low/low-{i:D2}.wav", $"{level}*sin(2*PI*{200 + (i * 7)}*t)", seconds, "low", split));
            rows.Add(Make(directory, $"high/high-{i:D2}.wav", $"{level}*sin(2*PI*{1400 + (i * 37)}*t)", seconds, "high", split));
            rows.Add(Make(directory, $"noise/noise-{i:D2}.wav", $"{level}*(random({i})*2-1)", seconds, "noise", split));
        }

        return WriteManifest(directory, rows, folds > 0 ? "fold" : "split");
    }

    /// <summary>Multi-label: "low", "high" or both at once (labels "high;low").</summary>
    public static string MultiLabel(string directory, int perKind = 12, double seconds = 1.0)
    {
        var rows = new List<string>();
        for (var i = 0; i < perKind; i++)
        {
            var split = i % 4 == 0 ? "test" : "train";
            var (low, high) = (200 + (i * 9), 1400 + (i * 41));
            rows.Add(Make(directory, $"low-{i:D2}.wav", $"0.4*sin(2*PI*{low}*t)", seconds, "low", split));
            rows.Add(Make(directory, $"high-{i:D2}.wav", $"0.4*sin(2*PI*{high}*t)", seconds, "high", split));
            rows.Add(Make(directory, $"both-{i:D2}.wav", $"0.3*sin(2*PI*{low}*t)+0.3*sin(2*PI*{high}*t)", seconds, "high;low", split));
        }

        return WriteManifest(directory, rows);
    }

    private static string Make(string directory, string relativePath, string expression, double seconds, string labels, string split)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        GeneratedAudio.Create(path, $"aevalsrc={expression}:s=8000:d={seconds.ToString(CultureInfo.InvariantCulture)}", "-ac", "1");
        return $"{relativePath},{labels},{split}";
    }

    private static string WriteManifest(string directory, List<string> rows, string partColumn = "split")
    {
        var manifest = Path.Combine(directory, "manifest.csv");
        File.WriteAllText(manifest, $"path,labels,{partColumn}\n" + string.Join('\n', rows) + "\n", Encoding.UTF8);
        return manifest;
    }

    /// <summary>A config small enough to train in seconds: 8 kHz, 32 mels, half-second windows, a few epochs.</summary>
    public static string TinyConfigJson(string name, string loss = "auto", int epochs = 4, bool attention = false, string architecture = "cnn") => $$"""
        {
          "name": "{{name}}",
          "frontEnd": { "preset": "librosa", "sampleRate": 8000, "nMels": 32, "nFft": 256, "hopLength": 128, "windowSeconds": 0.5, "hopSeconds": 0.5 },
          "data": { "validationRatio": 0.2 },
          "model": { "architecture": "{{architecture}}", "attention": {{(attention ? "true" : "false")}}, "dropout": 0.1, "device": "cpu" },
          "training": { "loss": "{{loss}}", "epochs": {{epochs}}, "batchSize": 8, "learningRate": 0.003, "earlyStoppingPatience": 0, "schedule": "cosine",
                        "specAugment": { "frequencyMasks": 1, "frequencyMaskWidth": 4, "timeMasks": 1, "timeMaskWidth": 4 } }
        }
        """;
}
