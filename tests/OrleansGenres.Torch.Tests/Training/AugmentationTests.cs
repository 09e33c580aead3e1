using OrleansGenres.Torch.Training;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Training;

/// <summary>SpecAugment and key/tempo jitter: what they change, reproducibly from their generator, and nothing when off.</summary>
public sealed class AugmentationTests
{
    [Fact]
    public void SpecAugment_fills_whole_bands_with_each_items_mean_reproducibly()
    {
        using var scope = NewDisposeScope();
        var inputs = randn([4, 1, 32, 40], generator: new Generator(3)) * 10;
        var settings = new SpecAugmentSettings(FrequencyMasks: 2, FrequencyMaskWidth: 6, TimeMasks: 2, TimeMaskWidth: 8);

        var first = SpecAugment.Apply(inputs, settings, new Generator(7));
        var again = SpecAugment.Apply(inputs, settings, new Generator(7));
        var other = SpecAugment.Apply(inputs, settings, new Generator(8));

        Assert.True(Same(first, again));
        Assert.False(Same(first, other));
        var changed = first.ne(inputs);
        Assert.True(changed.any().item<bool>());
        for (var i = 0; i < 4; i++)
        {
            // Every changed cell holds the item's mean; a changed cell's whole row or column (its band) is the mean too.
            var mean = inputs[i].mean().item<float>();
            var item = first[i, 0];
            Assert.True(item.masked_select(changed[i, 0]).sub(mean).abs().max().item<float>() < 1e-4);
        }

        Assert.True(Same(inputs, SpecAugment.Apply(inputs, new SpecAugmentSettings(), new Generator(7))));
    }

    [Fact]
    public void A_key_shift_moves_content_along_the_mel_axis_and_repeats_the_edge_band()
    {
        using var scope = NewDisposeScope();
        // Each band holds its own index, so the output names the band it came from.
        var inputs = arange(16, float32).view(1, 1, 16, 1).expand(8, 1, 16, 5).contiguous();
        var shifted = KeyTempoJitter.Apply(inputs, new KeyTempoJitterSettings(MaxShiftBins: 3), new Generator(11));
        for (var i = 0; i < 8; i++)
        {
            var bands = shifted[i, 0, TensorIndex.Colon, 0].data<float>().ToArray();
            var shift = -(int)(bands[8] - 8);
            Assert.InRange(shift, -3, 3);
            Assert.Equal(Enumerable.Range(0, 16).Select(m => (float)Math.Clamp(m - shift, 0, 15)), bands);
        }

        Assert.True(Same(inputs, KeyTempoJitter.Apply(inputs, new KeyTempoJitterSettings(), new Generator(11))));
    }

    [Fact]
    public void A_tempo_stretch_interpolates_along_time_and_keeps_the_shape()
    {
        using var scope = NewDisposeScope();
        var inputs = arange(50, float32).view(1, 1, 1, 50).expand(4, 1, 3, 50).contiguous();
        var stretched = KeyTempoJitter.Apply(inputs, new KeyTempoJitterSettings(MaxStretch: 0.2), new Generator(5));
        Assert.Equal(inputs.shape, stretched.shape);
        for (var i = 0; i < 4; i++)
        {
            var frames = stretched[i, 0, 0].data<float>().ToArray();
            Assert.All(frames, f => Assert.InRange(f, 0, 49));
            // Every band moves the same way, and the frames advance by the item's rate (≤ 20 % off one frame a frame).
            Assert.True(Same(stretched[i, 0, 0], stretched[i, 0, 2]));
            var steps = frames.Zip(frames.Skip(1), (a, b) => b - a).Where(d => d > 0).ToArray();
            Assert.All(steps, d => Assert.InRange(d, 1 / 1.2 - 1e-4, 1.2 + 1e-4));
        }
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
