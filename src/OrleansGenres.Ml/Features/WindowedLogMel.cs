using System.Runtime.CompilerServices;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Audio.Windowing;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Ml.Features;

/// <summary>
/// PCM stream → windows → batched log-mels. Holds one batch of windows and one of features, both reused, so memory
/// stays flat in the input's length and nothing is allocated per window; each torch call computes a whole batch,
/// on a <see cref="TorchThread"/> when one is given, else inline. The default of 16 windows keeps the CPU busy while
/// keeping peak memory low (bench/README.md); GPU inference batches across tracks instead.
/// </summary>
public static class WindowedLogMel
{
    public static async IAsyncEnumerable<LogMelWindowBatch> BatchesAsync(
        IPcmSource source,
        WindowingOptions windowing,
        LogMelExtractor extractor,
        int batchSize = 16,
        TorchThread? torchThread = null,
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
        var features = new float[batchSize * extractor.Options.NMels * frames];
        var positions = new List<WindowPosition>(batchSize);
        await foreach (var window in Windower.WindowsAsync(source, windowing, cancellationToken).ConfigureAwait(false))
        {
            window.Samples.CopyTo(signals.AsMemory(positions.Count * windowSamples));
            positions.Add(new WindowPosition(window.Index, window.StartSeconds, window.EndSeconds, window.IsPadded, WindowPosition.LevelOf(window.Samples.Span[..window.ValidSamples])));
            if (positions.Count == batchSize)
            {
                yield return await ComputeAsync(extractor, torchThread, signals, features, windowSamples, positions, frames, cancellationToken).ConfigureAwait(false);
                positions = new List<WindowPosition>(batchSize);
            }
        }

        if (positions.Count > 0)
        {
            yield return await ComputeAsync(extractor, torchThread, signals, features, windowSamples, positions, frames, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<LogMelWindowBatch> ComputeAsync(
        LogMelExtractor extractor,
        TorchThread? torchThread,
        float[] signals,
        float[] features,
        int windowSamples,
        List<WindowPosition> positions,
        int frames,
        CancellationToken cancellationToken)
    {
        var count = positions.Count;
        var used = count * extractor.Options.NMels * frames;
        void Compute() => extractor.ComputeBatch(signals.AsSpan(0, count * windowSamples), count, features.AsSpan(0, used));
        if (torchThread is null)
        {
            Compute();
        }
        else
        {
            await torchThread.RunAsync(Compute, cancellationToken).ConfigureAwait(false);
        }

        return new LogMelWindowBatch(positions, features.AsMemory(0, used), extractor.Options.NMels, frames);
    }
}
