using System.CommandLine;
using OrleansGenres.Audio.Decoding;
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
        Description = "Torch intra-op threads (default: one per processor).",
        Recursive = true,
    };

    public static Option<DecoderKind?> Decoder { get; } = new("--decoder")
    {
        Description = "Audio decoder: in-process (libav, the default) or ffmpeg (a child process per file); $GENRES_DECODER sets the default.",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (AudioDecoders.ParseKind(text) is { } kind)
            {
                return kind;
            }

            result.AddError($"--decoder must be in-process or ffmpeg, not '{text}'");
            return null;
        },
    };

    /// <summary>The decoder the command line chose (--decoder, else $GENRES_DECODER, else in-process).</summary>
    public static IAudioDecoder CreateDecoder(ParseResult parseResult) => AudioDecoders.Create(parseResult.GetValue(Decoder));

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
