using OrleansGenres.Ml.Experiments;

namespace OrleansGenres.Ml.Features;

/// <summary>
/// Windows of many tracks packed into fixed-size batches for evaluation (one-window tracks would otherwise make
/// batches of one). Each batch says which track every window belongs to. The buffers are reused: consume a batch
/// before asking for the next.
/// </summary>
public static class TrackWindowBatches
{
    public readonly record struct Batch(float[] Inputs, int Count, int[] Owners, int Frames)
    {
        public ReadOnlySpan<float> Features => Inputs.AsSpan(0, Count * (Inputs.Length / Owners.Length));
    }

    public static IEnumerable<Batch> Create(IReadOnlyList<TrackItem> tracks, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (tracks.Count == 0)
        {
            yield break;
        }

        var (nMels, frames) = (tracks[0].Features.NMels, tracks[0].Features.Frames);
        var perWindow = nMels * frames;
        var inputs = new float[batchSize * perWindow];
        var owners = new int[batchSize];
        var count = 0;
        for (var t = 0; t < tracks.Count; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var windows = FeatureCache.ReadWindows(tracks[t].Features);
            for (var w = 0; w < tracks[t].Features.Windows; w++)
            {
                windows.AsSpan(w * perWindow, perWindow).CopyTo(inputs.AsSpan(count * perWindow));
                owners[count++] = t;
                if (count == batchSize)
                {
                    yield return new Batch(inputs, count, owners, frames);
                    count = 0;
                }
            }
        }

        if (count > 0)
        {
            yield return new Batch(inputs, count, owners, frames);
        }
    }
}
