using System.Runtime.CompilerServices;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Windowing;

namespace OrleansGenres.Audio.Pipeline;

/// <summary>
/// PCM stream → windows → batched log-mels. Holds one batch of windows at a time, so memory stays flat in the
/// input's length; each native call computes a whole batch.
/// </summary>
public static class WindowedLogMel
{
    public static async IAsyncEnumerable<LogMelWindowBatch> BatchesAsync(
        IPcmSource source,
        WindowingOptions windowing,
        LogMelExtractor extractor,
        int batchSize = 32,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (source.SampleRate != extractor.Options.SampleRate)
        {
            throw new ArgumentException(
                $"the audio is at {source.SampleRate} Hz but the mel front end expects {extractor.Options.SampleRate} Hz", nameof(source));
        }

        var windowSamples = windowing.WindowSamples(source.SampleRate);
        var frames = checked((int)extractor.Options.FrameCount(windowSamples));
        if (frames == 0)
        {
            throw new ArgumentException("the window is shorter than one STFT frame", nameof(windowing));
        }

        var signals = new float[batchSize * windowSamples];
        var positions = new List<WindowPosition>(batchSize);
        await foreach (var window in Windower.WindowsAsync(source, windowing, cancellationToken).ConfigureAwait(false))
        {
            window.Samples.CopyTo(signals, positions.Count * windowSamples);
            positions.Add(new WindowPosition(window.Index, window.StartSeconds, window.EndSeconds, window.IsPadded));
            if (positions.Count == batchSize)
            {
                yield return Compute(extractor, signals, windowSamples, positions, frames);
                positions = new List<WindowPosition>(batchSize);
            }
        }

        if (positions.Count > 0)
        {
            yield return Compute(extractor, signals, windowSamples, positions, frames);
        }
    }

    private static LogMelWindowBatch Compute(
        LogMelExtractor extractor, float[] signals, int windowSamples, List<WindowPosition> positions, int frames)
    {
        var count = positions.Count;
        var features = new float[count * extractor.Options.NMels * frames];
        extractor.ComputeBatch(signals.AsSpan(0, count * windowSamples), count, features);
        return new LogMelWindowBatch(positions, features, extractor.Options.NMels, frames);
    }
}
