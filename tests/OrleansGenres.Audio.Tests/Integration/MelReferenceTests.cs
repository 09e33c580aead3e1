using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Audio.Tests.Support;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>The native log-mel against ../shared/reference/mel, within the tolerances index.json states.</summary>
public sealed class MelReferenceTests
{
    private const double DecibelTolerance = 0.01;
    private const double PowerTolerance = 1e-5;

    public static IEnumerable<object[]> Cases => MelReference.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Log_mel_matches_the_reference_in_decibels(string config, string signal)
    {
        using var extractor = LogMelExtractor.Create(MelReference.Options(config));
        var (expected, shape) = MelReference.Expected(config, signal, "mel_db");

        var mel = extractor.Compute(MelReference.Input(config, signal));

        Assert.Equal([mel.NMels, mel.Frames], shape.Select(s => (int)s));
        Assert.InRange(MelReference.DecibelError(expected, mel.Data), 0, DecibelTolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mel_power_matches_the_reference(string config, string signal)
    {
        using var extractor = LogMelExtractor.Create(MelReference.Options(config) with { Decibels = false });
        var (expected, shape) = MelReference.Expected(config, signal, "mel_power");

        var mel = extractor.Compute(MelReference.Input(config, signal));

        Assert.Equal([mel.NMels, mel.Frames], shape.Select(s => (int)s));
        Assert.InRange(MelReference.RelativePowerError(expected, mel.Data), 0, PowerTolerance);
    }

    [Theory]
    [InlineData("librosa")]
    [InlineData("torchaudio")]
    public void Filterbank_matches_the_reference(string config)
    {
        using var extractor = LogMelExtractor.Create(MelReference.Options(config));
        var (expected, shape) = NpyFile.ReadAsDouble(Path.Combine(SharedData.MelReference, $"{config}.filterbank.npy"));

        var filterbank = extractor.Filterbank();

        Assert.Equal(expected.Length, filterbank.Length);
        Assert.Equal(extractor.Options.NMels, (int)shape[0]);
        Assert.InRange(MelReference.RelativePowerError(expected, filterbank), 0, 1e-6);
    }

    [Fact]
    public void A_wrong_setting_changes_the_result_beyond_tolerance()
    {
        // Guards the comparison itself: HTK instead of Slaney must be caught.
        using var extractor = LogMelExtractor.Create(MelOptions.Librosa with { Scale = MelScale.Htk });
        var (expected, _) = MelReference.Expected("librosa", "chirp", "mel_db");

        var mel = extractor.Compute(MelReference.Input("librosa", "chirp"));

        Assert.True(MelReference.DecibelError(expected, mel.Data) > DecibelTolerance);
    }
}
