using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Windowing;

namespace OrleansGenres.Ml.Features;

/// <summary>
/// Everything that decides a window's features: the log-mel settings and the windowing. Its <see cref="Key"/>
/// names a feature cache folder, so changing any setting can never reuse stale features.
/// </summary>
public sealed record FrontEnd(MelOptions Mel, WindowingOptions Windowing)
{
    private static readonly JsonSerializerOptions CanonicalJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>
    /// Which code computes the features, part of <see cref="Key"/>: caches of another engine (the retired C++ bridge's
    /// log-mel agreed within 0.01 dB, not bit for bit) are never reused, so a model retrained here from a fresh cache
    /// ends with the weights its card names. Change it whenever the front end's numerics change.
    /// </summary>
    public const string Engine = "torchsharp-1";

    public static FrontEnd Default { get; } = new(MelOptions.Librosa, WindowingOptions.Default);

    /// <summary>16 hex characters of SHA-256 over the engine and the settings, written as JSON in a fixed property order.</summary>
    public string Key
    {
        get
        {
            var json = JsonSerializer.Serialize(new { engine = Engine, mel = Mel, windowing = Windowing }, CanonicalJson);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
        }
    }

    /// <summary>Frames per window: the height and width of every cached window are NMels × this.</summary>
    public int FramesPerWindow => checked((int)Mel.FrameCount(Windowing.WindowSamples(Mel.SampleRate)));
}
