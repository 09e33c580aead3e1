using OrleansGenres.Ml.Models;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Ml.Tests.Integration.Models;

/// <summary>Key jitter (shift along the mel axis) and tempo jitter (stretch along time), read back through the batch
/// a training step would see.</summary>
public sealed class KeyTempoJitterTests
{
    private const int NMels = 16, Frames = 40, Batch = 32;

    [Fact]
    public void Without_augmentation_a_step_sees_its_batch_unchanged()
    {
        var inputs = Ramp(byBand: true);
        using var trainer = Trainer(new SpecAugmentOptions(), seed: 1);
        Assert.Equal(inputs, trainer.Augment(inputs, Batch, Frames));
    }

    [Fact]
    public void Key_jitter_moves_each_item_by_whole_bands_within_the_limit_repeating_the_edge_bands()
    {
        var inputs = Ramp(byBand: true); // value = band index, the same in every frame
        using var trainer = Trainer(new SpecAugmentOptions { FrequencyShift = 3 }, seed: 1);
        var output = trainer.Augment(inputs, Batch, Frames);

        var shifts = new HashSet<int>();
        for (var item = 0; item < Batch; item++)
        {
            // band m now holds band m - shift, clamped to [0, NMels - 1]; the top band (unclamped for shift >= 0) or
            // the bottom band (for shift < 0) tells the shift
            var top = At(output, item, NMels - 1, 0);
            var bottom = At(output, item, 0, 0);
            var shift = top < NMels - 1 ? (int)(NMels - 1 - top) : -(int)bottom;
            Assert.InRange(shift, -3, 3);
            shifts.Add(shift);
            for (var band = 0; band < NMels; band++)
            {
                var expected = Math.Clamp(band - shift, 0, NMels - 1);
                for (var frame = 0; frame < Frames; frame++)
                {
                    Assert.Equal(expected, At(output, item, band, frame));
                }
            }
        }

        Assert.True(shifts.Count >= 4, $"{Batch} items drew only the shifts {string.Join(", ", shifts)}");
    }

    [Fact]
    public void Tempo_jitter_plays_each_item_at_one_rate_within_the_limit()
    {
        var inputs = Ramp(byBand: false); // value = frame index, the same in every band
        using var trainer = Trainer(new SpecAugmentOptions { TimeStretch = 0.25 }, seed: 2);
        var output = trainer.Augment(inputs, Batch, Frames);

        var rates = new List<double>();
        for (var item = 0; item < Batch; item++)
        {
            // Linear interpolation of a ramp is exact, so between wrap-arounds consecutive frames differ by the rate.
            var steps = Enumerable.Range(0, Frames - 1)
                .Select(frame => (double)At(output, item, 0, frame + 1) - At(output, item, 0, frame))
                .Where(step => step > 0)
                .ToArray();
            var rate = steps.OrderBy(step => step).ElementAt(steps.Length / 2);
            Assert.InRange(rate, (1 / 1.25) - 1e-4, 1.25 + 1e-4);
            Assert.True(steps.Count(step => Math.Abs(step - rate) < 1e-3) >= Frames - 4, $"item {item}: steps {string.Join(", ", steps)}");
            for (var band = 1; band < NMels; band++)
            {
                Assert.Equal(At(output, item, 0, 7), At(output, item, band, 7)); // every band moves together
            }

            rates.Add(rate);
        }

        Assert.Contains(rates, rate => rate < 0.95);
        Assert.Contains(rates, rate => rate > 1.05);
    }

    [Fact]
    public void The_same_seed_jitters_the_same_way_and_another_seed_differently()
    {
        var inputs = Ramp(byBand: true).Select((value, i) => value + (i % Frames)).ToArray();
        var options = new SpecAugmentOptions { FrequencyShift = 2, TimeStretch = 0.2, FrequencyMasks = 1, FrequencyMaskWidth = 3 };
        using var first = Trainer(options, seed: 5);
        using var second = Trainer(options, seed: 5);
        using var other = Trainer(options, seed: 6);

        var a = first.Augment(inputs, Batch, Frames);
        Assert.Equal(a, second.Augment(inputs, Batch, Frames));
        Assert.NotEqual(a, other.Augment(inputs, Batch, Frames));
        Assert.NotEqual(a, first.Augment(inputs, Batch, Frames)); // the generator moves on, as with each step
    }

    [Fact]
    public void Out_of_range_settings_are_refused()
    {
        using var model = TaggingModel.Create(new NetworkOptions { Classes = 2, NMels = NMels, Device = DeviceChoice.Cpu });
        var stretch = Assert.Throws<ArgumentException>(() => ModelTrainer.Create(model, new TrainerOptions { SpecAugment = new SpecAugmentOptions { TimeStretch = 1.5 } }));
        Assert.Contains("time stretch", stretch.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ModelTrainer.Create(model, new TrainerOptions { SpecAugment = new SpecAugmentOptions { FrequencyShift = -1 } }));
    }

    private static JitterProbe Trainer(SpecAugmentOptions augmentation, long seed)
    {
        var model = TaggingModel.Create(new NetworkOptions { Classes = 2, NMels = NMels, Device = DeviceChoice.Cpu });
        return new JitterProbe(model, ModelTrainer.Create(model, new TrainerOptions { SpecAugment = augmentation, Seed = seed }));
    }

    private static float[] Ramp(bool byBand)
    {
        var values = new float[Batch * NMels * Frames];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = byBand ? i / Frames % NMels : i % Frames;
        }

        return values;
    }

    private sealed class JitterProbe(TaggingModel model, ModelTrainer trainer) : IDisposable
    {
        public float[] Augment(float[] inputs, int batch, int frames) => trainer.Augment(inputs, batch, frames);

        public void Dispose()
        {
            trainer.Dispose();
            model.Dispose();
        }
    }

    private static float At(float[] batch, int item, int band, int frame) => batch[(((item * NMels) + band) * Frames) + frame];
}
