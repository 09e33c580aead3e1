using static TorchSharp.torch;

namespace OrleansGenres.Torch.Training;

/// <summary>SpecAugment's masks: how many frequency and time bands per item, and their widest width.</summary>
public sealed record SpecAugmentSettings(int FrequencyMasks = 0, int FrequencyMaskWidth = 0, int TimeMasks = 0, int TimeMaskWidth = 0)
{
    public bool Enabled => (FrequencyMasks > 0 && FrequencyMaskWidth > 0) || (TimeMasks > 0 && TimeMaskWidth > 0);
}

/// <summary>
/// SpecAugment (Park et al., 2019) frequency and time masks for training batches <c>[batch, 1, n_mels, frames]</c>.
/// Masked cells take each item's mean, so a mask is neutral whatever the feature scale (dB or normalised). Randomness
/// comes from the given generator only, so runs are reproducible; the input is not modified.
/// </summary>
public static class SpecAugment
{
    public static Tensor Apply(Tensor inputs, SpecAugmentSettings settings, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return inputs.alias();
        }

        var (batch, mels, frames) = (inputs.shape[0], inputs.shape[2], inputs.shape[3]);
        var frequency = BandMask(batch, mels, settings.FrequencyMasks, settings.FrequencyMaskWidth, generator).view(batch, 1, mels, 1);
        var time = BandMask(batch, frames, settings.TimeMasks, settings.TimeMaskWidth, generator).view(batch, 1, 1, frames);
        var masked = frequency.logical_or(time).to(inputs.device);
        var fill = inputs.mean([1, 2, 3], keepdim: true);
        return where(masked, fill.expand_as(inputs), inputs);
    }

    /// <summary>A <c>[batch, length]</c> mask with <paramref name="count"/> random bands of width 0..max per item.</summary>
    private static Tensor BandMask(long batch, long length, int count, int maxWidth, Generator generator)
    {
        var mask = zeros([batch, length], @bool);
        if (count <= 0 || maxWidth <= 0)
        {
            return mask;
        }

        var positions = arange(length).unsqueeze(0);
        for (var i = 0; i < count; i++)
        {
            var widths = randint(0, maxWidth + 1, [batch, 1], dtype: int64, generator: generator);
            var starts = (rand([batch, 1], dtype: float64, generator: generator) * (length - widths + 1).to_type(float64)).floor().to_type(int64);
            mask = mask.logical_or(positions.ge(starts).logical_and(positions.lt(starts + widths)));
        }

        return mask;
    }
}
