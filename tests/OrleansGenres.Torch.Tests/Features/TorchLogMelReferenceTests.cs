using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Torch.Features;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Features;

/// <summary>The TorchSharp log-mel against ../shared/reference/mel, within the tolerances index.json states.</summary>
public sealed class TorchLogMelReferenceTests
{
    private const double DecibelTolerance = 0.01;
    private const double PowerTolerance = 1e-5;

    public static IEnumerable<object[]> Cases => MelReference.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Log_mel_matches_the_reference_in_decibels(string config, string signal)
    {
        using var frontEnd = TorchLogMel.Create(MelReference.Options(config));
        var (expected, shape) = MelReference.Expected(config, signal, "mel_db");

        var mel = frontEnd.Compute(MelReference.Input(config, signal));

        Assert.Equal([mel.NMels, mel.Frames], shape.Select(s => (int)s));
        Assert.InRange(MelReference.DecibelError(expected, mel.Data), 0, DecibelTolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mel_power_matches_the_reference(string config, string signal)
    {
        using var frontEnd = TorchLogMel.Create(MelReference.Options(config) with { Decibels = false });
        var (expected, shape) = MelReference.Expected(config, signal, "mel_power");

        var mel = frontEnd.Compute(MelReference.Input(config, signal));

        Assert.Equal([mel.NMels, mel.Frames], shape.Select(s => (int)s));
        Assert.InRange(MelReference.RelativePowerError(expected, mel.Data), 0, PowerTolerance);
    }

    [Theory]
    [InlineData("librosa")]
    [InlineData("torchaudio")]
    public void Filterbank_matches_the_reference(string config)
    {
        using var frontEnd = TorchLogMel.Create(MelReference.Options(config));
        var (expected, shape) = NpyFile.ReadAsDouble(Path.Combine(SharedData.MelReference, $"{config}.filterbank.npy"));

        var filterbank = frontEnd.Filterbank();

        Assert.Equal(expected.Length, filterbank.Length);
        Assert.Equal(frontEnd.Options.NMels, (int)shape[0]);
        Assert.InRange(MelReference.RelativePowerError(expected, filterbank), 0, 1e-6);
    }

    [Fact]
    public void A_wrong_setting_changes_the_result_beyond_tolerance()
    {
        // Guards the comparison itself: HTK instead of Slaney must be caught.
        using var frontEnd = TorchLogMel.Create(MelOptions.Librosa with { Scale = MelScale.Htk });
        var (expected, _) = MelReference.Expected("librosa", "chirp", "mel_db");

        var mel = frontEnd.Compute(MelReference.Input("librosa", "chirp"));

        Assert.True(MelReference.DecibelError(expected, mel.Data) > DecibelTolerance);
    }

    [Theory]
    [InlineData("librosa")]
    [InlineData("torchaudio")]
    public void A_batch_gives_each_signal_the_log_mel_it_gets_alone(string config)
    {
        // Each item keeps its own top-dB floor and normalisation: batching must not couple the items.
        var options = MelReference.Options(config) with { Normalization = FeatureNormalization.Standardize };
        using var frontEnd = TorchLogMel.Create(options);
        string[] signals = ["chirp", "chord", "noise"];
        var inputs = signals.Select(s => MelReference.Input(config, s)).ToArray();
        var length = inputs.Min(i => i.Length);
        using var batch = stack(inputs.Select(i => tensor(i[..length])).ToArray());

        using var mels = frontEnd.Compute(batch);

        for (var i = 0; i < signals.Length; i++)
        {
            var alone = frontEnd.Compute(inputs[i].AsSpan(0, length));
            var batched = mels[i].data<float>().ToArray();
            Assert.Equal(alone.Data.Length, batched.Length);
            Assert.InRange(alone.Data.Zip(batched, (a, b) => Math.Abs(a - b)).Max(), 0, 1e-4);
            Assert.InRange(batched.Average(), -1e-3, 1e-3); // standardised per item
        }
    }

    [Fact]
    public void Bad_options_and_too_short_input_are_refused_with_the_reason()
    {
        var invalid = Assert.Throws<ArgumentException>(() => TorchLogMel.Create(MelOptions.Librosa with { NMels = 0, HopLength = 0 }));
        Assert.Contains("n_mels", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("hop length", invalid.Message, StringComparison.Ordinal);

        using var frontEnd = TorchLogMel.Create(MelOptions.Torchaudio with { Center = false });
        var tooShort = Assert.Throws<ArgumentException>(() => frontEnd.Compute(new float[100]));
        Assert.Contains("shorter than one frame", tooShort.Message, StringComparison.Ordinal);
    }
}
