namespace OrleansGenres.Ml.Inference;

/// <summary>Aggregates window probabilities into track scores as windows arrive, in any order, without keeping them.</summary>
public sealed class TrackScoreAccumulator
{
    private readonly float[][] _scores;
    private readonly int[] _windows;
    private readonly Aggregation _aggregation;

    public TrackScoreAccumulator(int tracks, int classes, Aggregation aggregation)
    {
        _scores = [.. Enumerable.Range(0, tracks).Select(_ => new float[classes])];
        _windows = new int[tracks];
        _aggregation = aggregation;
    }

    public void Add(int track, ReadOnlySpan<float> probabilities)
    {
        var scores = _scores[track];
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = _aggregation == Aggregation.Max
                ? (_windows[track] == 0 ? probabilities[c] : Math.Max(scores[c], probabilities[c]))
                : scores[c] + probabilities[c];
        }

        _windows[track]++;
    }

    /// <summary>Per-track scores [tracks][classes]; every track must have had a window.</summary>
    public float[][] Scores()
    {
        var result = new float[_scores.Length][];
        for (var t = 0; t < _scores.Length; t++)
        {
            if (_windows[t] == 0)
            {
                throw new InvalidOperationException($"track {t} has no windows");
            }

            result[t] = _aggregation == Aggregation.Max ? (float[])_scores[t].Clone() : [.. _scores[t].Select(s => s / _windows[t])];
        }

        return result;
    }
}
