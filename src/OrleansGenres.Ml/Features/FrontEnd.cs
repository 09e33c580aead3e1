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

    public static FrontEnd Default { get; } = new(MelOptions.Librosa, WindowingOptions.Default);

    /// <summary>16 hex characters of SHA-256 over the settings written as JSON in a fixed property order.</summary>
    public string Key
    {
        get
        {
            var json = JsonSerializer.Serialize(new { mel = Mel, windowing = Windowing }, CanonicalJson);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
        }
    }

    /// <summary>Frames per window: the height and width of every cached window are NMels × this.</summary>
    public int FramesPerWindow => checked((int)Mel.FrameCount(Windowing.WindowSamples(Mel.SampleRate)));
}
