using static TorchSharp.torch;

namespace OrleansGenres.Torch.Training;

/// <summary>Key and tempo jitter: each item moves by whole mel bands in [−max, max]; its rate r has log r uniform in [−log(1+max), log(1+max)].</summary>
public sealed record KeyTempoJitterSettings(int MaxShiftBins = 0, double MaxStretch = 0)
{
    public bool Enabled => MaxShiftBins > 0 || MaxStretch > 0;
}

/// <summary>
/// Key and tempo jitter for music: a song's genre does not change when it is transposed a little or played a little
/// faster or slower, so training windows <c>[batch, 1, n_mels, frames]</c> are shifted along the mel axis (≈
/// transposition; edge bands repeated) and stretched along time (linear interpolation; a faster window wraps round its
/// own start, as music repeats). Applied before the SpecAugment masks; no randomness is drawn when it is off.
/// </summary>
public static class KeyTempoJitter
{
    public static Tensor Apply(Tensor inputs, KeyTempoJitterSettings settings, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var output = inputs.alias();
        if (settings.MaxShiftBins > 0)
        {
            output = ShiftBands(output, settings.MaxShiftBins, generator);
        }

        if (settings.MaxStretch > 0)
        {
            output = StretchTime(output, settings.MaxStretch, generator);
        }

        return output;
    }

    private static Tensor ShiftBands(Tensor inputs, int maxBins, Generator generator)
    {
        var (batch, mels, frames) = (inputs.shape[0], inputs.shape[2], inputs.shape[3]);
        var shifts = randint(-maxBins, maxBins + 1, [batch, 1], dtype: int64, generator: generator);
        // Output band m reads band m − shift: content moves up for a positive shift.
        var source = (arange(mels, int64).unsqueeze(0) - shifts).clamp(0, mels - 1);
        var index = source.view(batch, 1, mels, 1).expand(batch, 1, mels, frames).to(inputs.device);
        return inputs.gather(2, index);
    }

    private static Tensor StretchTime(Tensor inputs, double maxStretch, Generator generator)
    {
        var (batch, mels, frames) = (inputs.shape[0], inputs.shape[2], inputs.shape[3]);
        var limit = Math.Log(1 + maxStretch);
        var rate = (((rand([batch, 1], dtype: float64, generator: generator) * 2) - 1) * limit).exp();
        var span = rate * frames; // source frames one window covers
        // Slower (span < frames): a random stretch of the window; faster: any start, wrapping round.
        var slower = span.lt(frames);
        var room = where(slower, frames - span, full_like(span, frames));
        var offset = rand([batch, 1], dtype: float64, generator: generator) * room;
        var position = (offset + (arange(frames, float64).unsqueeze(0) * rate)).fmod(frames);
        var lower = position.floor().to_type(int64);
        var upper = where(slower, (lower + 1).clamp_max(frames - 1), (lower + 1).remainder(frames));
        var weight = (position - lower.to_type(float64)).to_type(inputs.dtype).view(batch, 1, 1, frames).to(inputs.device);
        Tensor Gather(Tensor index) => inputs.gather(3, index.view(batch, 1, 1, frames).expand(batch, 1, mels, frames).to(inputs.device));
        return Gather(lower).lerp(Gather(upper), weight);
    }
}
