using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Formats;

namespace OrleansGenres.Audio.Tests.Support;

/// <summary>
/// What every log-mel front end must do against ../shared/reference/mel, within the tolerances index.json states: the
/// native one (<c>LogMelExtractor</c>) and the TorchSharp one run the same cases through their own
/// <see cref="Compute"/> and <see cref="Filterbank"/>.
/// </summary>
public abstract class MelReferenceContract
{
    private const double DecibelTolerance = 0.01;
    private const double PowerTolerance = 1e-5;

    public static IEnumerable<object[]> Cases => MelReference.Cases();

    protected abstract MelSpectrogram Compute(MelOptions options, float[] signal);

    protected abstract float[] Filterbank(MelOptions options);

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MelReferenceContract))]
    public void Log_mel_matches_the_reference_in_decibels(string config, string signal)
    {
        var (expected, shape) = MelReference.Expected(config, signal, "mel_db");

        var mel = Compute(MelReference.Options(config), MelReference.Input(config, signal));

        Assert.Equal([mel.NMels, mel.Frames], shape.Select(s => (int)s));
        Assert.InRange(MelReference.DecibelError(expected, mel.Data), 0, DecibelTolerance);
    }

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MelReferenceContract))]
    public void Mel_power_matches_the_reference(string config, string signal)
    {
        var (expected, shape) = MelReference.Expected(config, signal, "mel_power");

        var mel = Compute(MelReference.Options(config) with { Decibels = false }, MelReference.Input(config, signal));

        Assert.Equal([mel.NMels, mel.Frames], shape.Select(s => (int)s));
        Assert.InRange(MelReference.RelativePowerError(expected, mel.Data), 0, PowerTolerance);
    }

    [Theory]
    [InlineData("librosa")]
    [InlineData("torchaudio")]
    public void Filterbank_matches_the_reference(string config)
    {
        var (expected, shape) = NpyFile.ReadAsDouble(Path.Combine(SharedData.MelReference, $"{config}.filterbank.npy"));

        var filterbank = Filterbank(MelReference.Options(config));

        Assert.Equal(expected.Length, filterbank.Length);
        Assert.Equal(MelReference.Options(config).NMels, (int)shape[0]);
        Assert.InRange(MelReference.RelativePowerError(expected, filterbank), 0, 1e-6);
    }

    [Fact]
    public void A_wrong_setting_changes_the_result_beyond_tolerance()
    {
        // Guards the comparison itself: HTK instead of Slaney must be caught.
        var (expected, _) = MelReference.Expected("librosa", "chirp", "mel_db");

        var mel = Compute(MelOptions.Librosa with { Scale = MelScale.Htk }, MelReference.Input("librosa", "chirp"));

        Assert.True(MelReference.DecibelError(expected, mel.Data) > DecibelTolerance);
    }
}
