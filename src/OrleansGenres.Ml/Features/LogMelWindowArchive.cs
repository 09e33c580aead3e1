using System.Runtime.InteropServices;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Audio.Windowing;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Ml.Features;

/// <summary>
/// Writes a signal's window log-mels as an .npz (arrays <c>windows</c> [n, n_mels, frames], <c>starts</c> and
/// <c>ends</c> in seconds), streamed: features go to a temporary file as they are computed and are copied into the
/// archive at the end, so an hour of audio needs no more memory than a minute. Used by `genres windows` and the
/// training feature cache.
/// </summary>
public static class LogMelWindowArchive
{
    /// <summary>Writes the archive to <paramref name="destination"/> and returns its window count.</summary>
    /// <exception cref="EmptyWindowsException">no window at all (input shorter than one window with the Drop policy).</exception>
    public static async Task<int> WriteAsync(
        IPcmSource source,
        WindowingOptions windowing,
        LogMelExtractor extractor,
        Stream destination,
        TorchThread? torchThread = null,
        int batchSize = 16,
        CancellationToken cancellationToken = default)
    {
        var payloadPath = Path.GetTempFileName();
        try
        {
            var starts = new List<float>();
            var ends = new List<float>();
            var frames = 0;
            await using (var payload = File.Create(payloadPath))
            {
                await foreach (var batch in WindowedLogMel.BatchesAsync(source, windowing, extractor, batchSize, torchThread, cancellationToken).ConfigureAwait(false))
                {
                    frames = batch.Frames;
                    payload.Write(MemoryMarshal.AsBytes(batch.Features.Span));
                    starts.AddRange(batch.Windows.Select(w => (float)w.StartSeconds));
                    ends.AddRange(batch.Windows.Select(w => (float)w.EndSeconds));
                }
            }

            if (starts.Count == 0)
            {
                throw new EmptyWindowsException($"the audio is shorter than one {windowing.WindowSeconds} s window and the {windowing.LastWindow} policy leaves none");
            }

            using var npz = new NpzWriter(destination);
            await using (var payload = File.OpenRead(payloadPath))
            {
                npz.WriteFloat32("windows", payload, starts.Count, extractor.Options.NMels, frames);
            }

            npz.WriteFloat32("starts", starts.ToArray(), starts.Count);
            npz.WriteFloat32("ends", ends.ToArray(), ends.Count);
            return starts.Count;
        }
        finally
        {
            File.Delete(payloadPath);
        }
    }
}
