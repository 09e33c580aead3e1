using System.Runtime.CompilerServices;
using OrleansGenres.Audio.Pcm;

namespace OrleansGenres.Audio.Windowing;

/// <summary>
/// Cuts a PCM stream into windows lazily: it holds one window of samples, reads only what the next window needs,
/// and hands each window out as a view of that one buffer, so it stays flat in memory (and allocation-free)
/// whatever the input's length.
/// </summary>
public static class Windower
{
    public static async IAsyncEnumerable<AudioWindow> WindowsAsync(
        IPcmSource source,
        WindowingOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        var sampleRate = source.SampleRate;
        var length = options.WindowSamples(sampleRate);
        var hop = options.HopSamples(sampleRate);
        var buffer = new float[length];
        var filled = 0;         // samples of buffer holding signal
        long start = 0;         // position of buffer[0] in the signal
        var coveredUntil = 0L;  // end of the last emitted window (signal position)
        var index = 0;
        var ended = false;

        while (!ended)
        {
            while (filled < length)
            {
                var read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    ended = true;
                    break;
                }

                filled += read;
            }

            if (filled < length)
            {
                break;
            }

            yield return new AudioWindow(index++, start, sampleRate, buffer, length);
            coveredUntil = start + length;

            // Slide by one hop, keeping the overlap.
            var keep = length - hop;
            Array.Copy(buffer, hop, buffer, 0, keep);
            filled = keep;
            start += hop;
        }

        var signalEnd = start + filled;
        if (options.LastWindow == LastWindowPolicy.Pad && signalEnd > coveredUntil && filled > 0)
        {
            Array.Clear(buffer, filled, length - filled);
            yield return new AudioWindow(index, start, sampleRate, buffer, filled);
        }
    }
}
