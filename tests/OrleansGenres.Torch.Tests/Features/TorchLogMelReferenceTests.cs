using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Torch.Features;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Features;

/// <summary>
/// The TorchSharp log-mel against ../shared/reference/mel (the cases every front end must pass), and what batching
/// and bad input do.
/// </summary>
public sealed class TorchLogMelReferenceTests : MelReferenceContract
{
    protected override MelSpectrogram Compute(MelOptions options, float[] signal)
    {
        using var frontEnd = LogMelExtractor.Create(options);
        return frontEnd.Compute(signal);
    }

    protected override float[] Filterbank(MelOptions options)
    {
        using var frontEnd = LogMelExtractor.Create(options);
        return frontEnd.Filterbank();
    }

    [Theory]
    [InlineData("librosa")]
    [InlineData("torchaudio")]
    public void A_batch_gives_each_signal_the_log_mel_it_gets_alone(string config)
    {
        // Each item keeps its own top-dB floor and normalisation: batching must not couple the items.
        var options = MelReference.Options(config) with { Normalization = FeatureNormalization.Standardize };
        using var frontEnd = LogMelExtractor.Create(options);
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
        var invalid = Assert.Throws<ArgumentException>(() => LogMelExtractor.Create(MelOptions.Librosa with { NMels = 0, HopLength = 0 }));
        Assert.Contains("n_mels", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("hop length", invalid.Message, StringComparison.Ordinal);

        using var frontEnd = LogMelExtractor.Create(MelOptions.Torchaudio with { Center = false });
        var tooShort = Assert.Throws<ArgumentException>(() => frontEnd.Compute(new float[100]));
        Assert.Contains("shorter than one frame", tooShort.Message, StringComparison.Ordinal);
    }
}
