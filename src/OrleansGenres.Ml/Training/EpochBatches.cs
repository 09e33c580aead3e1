using System.Buffers;
using System.Threading.Channels;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Randomness;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// The batches of one epoch, prepared on a background task while the training step runs. The order depends only on the
/// seed and the epoch number, so a resumed run sees exactly the batches an uninterrupted one would have. Tracks are
/// read in a shuffled order into a pool of about <see cref="PoolWindows"/> windows whose windows are shuffled again
/// before batching: close to a full shuffle while only the pool, never the dataset, is in memory.
/// </summary>
/// With a mixup α above 0 every batch is mixed up (<see cref="Mixup"/>) and targets are rows for every loss.
public sealed class EpochBatches(
    IReadOnlyList<TrackItem> tracks, int classes, bool multiLabel, int batchSize, int? maxWindowsPerTrack, long seed, double mixupAlpha = 0)
{
    public const int PoolWindows = 1024;

    /// <summary>Batches prepared ahead of the training step.</summary>
    public const int Prefetch = 4;

    /// <summary>Windows this epoch trains on (the same for every epoch).</summary>
    public long WindowCount => tracks.Sum(track => (long)Math.Min(track.Features.Windows, maxWindowsPerTrack ?? int.MaxValue));

    public ChannelReader<TrainingBatch> Start(int epoch, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<TrainingBatch>(new BoundedChannelOptions(Prefetch) { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            try
            {
                await ProduceAsync(epoch, channel.Writer, cancellationToken).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        return channel.Reader;
    }

    private async Task ProduceAsync(int epoch, ChannelWriter<TrainingBatch> writer, CancellationToken cancellationToken)
    {
        var random = SeededRandom.For(unchecked((int)seed), $"epoch/{epoch}");
        var mixup = mixupAlpha > 0 ? new Mixup(mixupAlpha, SeededRandom.For(unchecked((int)seed), $"mixup/{epoch}")) : null;
        var order = Enumerable.Range(0, tracks.Count).ToList();
        random.Shuffle(order);
        var pool = new List<(float[] Windows, int Window, int Track)>(PoolWindows + 64);
        foreach (var t in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var features = tracks[t].Features;
            var windows = FeatureCache.ReadWindows(features);
            var chosen = Enumerable.Range(0, features.Windows).ToList();
            if (maxWindowsPerTrack is { } most && chosen.Count > most)
            {
                random.Shuffle(chosen);
                chosen.RemoveRange(most, chosen.Count - most);
            }

            pool.AddRange(chosen.Select(w => (windows, w, t)));
            if (pool.Count >= PoolWindows)
            {
                await FlushAsync(pool, random, mixup, writer, final: false, cancellationToken).ConfigureAwait(false);
            }
        }

        await FlushAsync(pool, random, mixup, writer, final: true, cancellationToken).ConfigureAwait(false);
    }

    // Emits the pool's full batches in shuffled order; a remainder waits for the next pool (or, at the end, goes as a
    // last smaller batch if batch norm can use it: two windows or more).
    private async Task FlushAsync(
        List<(float[] Windows, int Window, int Track)> pool, SeededRandom random, Mixup? mixup, ChannelWriter<TrainingBatch> writer, bool final, CancellationToken cancellationToken)
    {
        random.Shuffle(pool);
        var start = 0;
        while (pool.Count - start >= batchSize || (final && pool.Count - start >= 2))
        {
            var count = Math.Min(batchSize, pool.Count - start);
            await writer.WriteAsync(Assemble(pool, start, count, mixup), cancellationToken).ConfigureAwait(false);
            start += count;
        }

        pool.RemoveRange(0, start);
    }

    private TrainingBatch Assemble(List<(float[] Windows, int Window, int Track)> pool, int start, int count, Mixup? mixup)
    {
        var rows = multiLabel || mixup is not null;
        var first = tracks[pool[start].Track].Features;
        var perWindow = first.NMels * first.Frames;
        var inputs = ArrayPool<float>.Shared.Rent(count * perWindow);
        var targetLength = TrainingTargets.Length(count, classes, rows);
        var targets = ArrayPool<float>.Shared.Rent(targetLength);
        Array.Clear(targets, 0, targetLength);
        var labelIds = new IReadOnlyList<int>[count];
        for (var i = 0; i < count; i++)
        {
            var (windows, window, track) = pool[start + i];
            windows.AsSpan(window * perWindow, perWindow).CopyTo(inputs.AsSpan(i * perWindow));
            labelIds[i] = tracks[track].LabelIds;
            TrainingTargets.Write(targets, i, labelIds[i], classes, rows);
        }

        if (mixup is not null)
        {
            var (partners, lambda) = mixup.Apply(inputs.AsSpan(0, count * perWindow), perWindow, targets.AsSpan(0, targetLength), classes, count);
            // Training metrics judge each mixed item by the labels of whichever source dominates it.
            var own = (IReadOnlyList<int>[])labelIds.Clone();
            for (var i = 0; i < count; i++)
            {
                labelIds[i] = lambda >= 0.5 ? own[i] : own[partners[i]];
            }
        }

        return new TrainingBatch(inputs, count * perWindow, targets, targetLength, labelIds);
    }
}
