using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Windowing;
using OrleansGenres.Ml.Features;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// The experiment's front end: a mel preset with the settings an experiment usually changes, and the windowing.
/// Unset values keep the preset's.
/// </summary>
public sealed record FrontEndSettings
{
    public string Preset { get; init; } = "librosa";

    public int? SampleRate { get; init; }

    public int? NMels { get; init; }

    public int? NFft { get; init; }

    public int? HopLength { get; init; }

    public double? FMin { get; init; }

    public double? FMax { get; init; }

    public FeatureNormalization Normalization { get; init; } = FeatureNormalization.None;

    public double WindowSeconds { get; init; } = WindowingOptions.Default.WindowSeconds;

    public double HopSeconds { get; init; } = WindowingOptions.Default.HopSeconds;

    public LastWindowPolicy LastWindow { get; init; } = LastWindowPolicy.Pad;

    public FrontEnd ToFrontEnd()
    {
        var mel = MelOptions.FromPreset(Preset);
        mel = mel with
        {
            SampleRate = SampleRate ?? mel.SampleRate,
            NMels = NMels ?? mel.NMels,
            NFft = NFft ?? mel.NFft,
            HopLength = HopLength ?? mel.HopLength,
            FMin = FMin ?? mel.FMin,
            // A changed sample rate moves the default upper edge to the new Nyquist frequency.
            FMax = FMax ?? (SampleRate is null ? mel.FMax : null),
            Normalization = Normalization,
        };
        return new FrontEnd(mel, new WindowingOptions { WindowSeconds = WindowSeconds, HopSeconds = HopSeconds, LastWindow = LastWindow });
    }
}
