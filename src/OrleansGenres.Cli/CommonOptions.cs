using System.CommandLine;
using OrleansGenres.Audio.Features;

namespace OrleansGenres.Cli;

/// <summary>Options several verbs share, defined once.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print stack traces with errors.",
        Recursive = true,
    };

    public static Option<int?> Threads { get; } = new("--threads")
    {
        Description = "libtorch threads (default: one per processor).",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON instead of text." };

    public static Option<string> Preset() => new("--preset")
    {
        Description = "Mel front end preset: librosa or torchaudio.",
        DefaultValueFactory = _ => "librosa",
    };

    public static Option<int?> SampleRate() => new("--sample-rate")
    {
        Description = "Decode and analyse at this rate instead of the preset's (fmax follows to Nyquist).",
    };

    public static Option<FeatureNormalization> Normalize() => new("--normalize")
    {
        Description = "Per-window normalisation: None, MinMax or Standardize.",
        DefaultValueFactory = _ => FeatureNormalization.None,
    };

    public static Option<FileInfo> Out(string description) => new("--out", "-o")
    {
        Description = description,
        Required = true,
    };

    /// <summary>The preset, with the sample rate and normalisation the command line chose.</summary>
    public static MelOptions MelOptionsFrom(string preset, int? sampleRate, FeatureNormalization normalization)
    {
        var options = MelOptions.FromPreset(preset) with { Normalization = normalization };
        return sampleRate is { } rate ? options with { SampleRate = rate, FMax = null } : options;
    }
}
