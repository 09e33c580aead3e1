using System.Text.Json;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Formats;

namespace OrleansGenres.Audio.Tests.Support;

/// <summary>The cases of ../shared/reference/mel/index.json and the comparisons its tolerance text defines.</summary>
public static class MelReference
{
    public static IEnumerable<object[]> Cases()
    {
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.MelReference, "index.json")));
        foreach (var c in index.RootElement.GetProperty("cases").EnumerateArray())
        {
            yield return [c.GetProperty("config").GetString()!, c.GetProperty("signal").GetString()!];
        }
    }

    public static float[] Input(string config, string signal) =>
        NpyFile.ReadFloat32(Path.Combine(SharedData.MelReference, $"{config}.{signal}.input.npy")).Data;

    public static (double[] Data, long[] Shape) Expected(string config, string signal, string kind) =>
        NpyFile.ReadAsDouble(Path.Combine(SharedData.MelReference, $"{config}.{signal}.{kind}.npy"));

    /// <summary>Both arrays clamped to (reference max − 80 dB), then the largest absolute difference.</summary>
    public static double DecibelError(IReadOnlyList<double> expected, IReadOnlyList<float> actual)
    {
        var floor = expected.Max() - 80.0;
        return expected.Select((e, i) => Math.Abs(Math.Max(e, floor) - Math.Max(actual[i], floor))).Max();
    }

    /// <summary>Largest absolute difference relative to the reference maximum.</summary>
    public static double RelativePowerError(IReadOnlyList<double> expected, IReadOnlyList<float> actual)
    {
        var scale = Math.Max(expected.Max(), double.Epsilon);
        return expected.Select((e, i) => Math.Abs(e - actual[i])).Max() / scale;
    }

    public static MelOptions Options(string config) => MelOptions.FromPreset(config);
}
