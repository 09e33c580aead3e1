using System.Numerics.Tensors;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Models;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Features;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Ml.Inference;

/// <summary>
/// A trained model at work: log-mel windows → per-window probabilities (softmax for single-label, sigmoid for
/// multi-label) → one score per label for the track (mean or max over windows) → assigned tags (argmax, or the card's
/// thresholds). Owns the model and a mel extractor for the card's front end. Not thread-safe; torch calls go to the
/// <see cref="TorchThread"/> given to the async methods.
/// </summary>
public sealed class TrackPredictor : IDisposable
{
    /// <summary>Windows per torch call: enough to keep the CPU's matrix units busy, small enough to stay cache-friendly.</summary>
    public const int DefaultBatchSize = 32;

    private readonly LogMelExtractor _extractor;

    public TrackPredictor(ModelCard card, TaggingModel model)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(model);
        Card = card;
        Model = model;
        _extractor = LogMelExtractor.Create(card.FrontEnd.Mel);
    }

    public ModelCard Card { get; }

    public TaggingModel Model { get; }

    public int Classes => Card.Labels.Count;

    public static TrackPredictor Load(string directory, DeviceChoice device = DeviceChoice.Auto)
    {
        var (card, model) = ModelDirectory.Load(directory, device);
        return new TrackPredictor(card, model);
    }

    /// <summary>Probabilities [count, Classes] for windows [count, NMels, Frames], computed in batches.</summary>
    public void WindowProbabilities(ReadOnlySpan<float> windows, int count, Span<float> probabilities, int batchSize = DefaultBatchSize)
    {
        var perWindow = windows.Length / Math.Max(count, 1);
        var frames = perWindow / Card.Model.NMels;
        for (var start = 0; start < count; start += batchSize)
        {
            var batch = Math.Min(batchSize, count - start);
            var output = probabilities.Slice(start * Classes, batch * Classes);
            Model.Predict(windows.Slice(start * perWindow, batch * perWindow), batch, frames, output);
            ToProbabilities(output, batch);
        }
    }

    /// <summary>Logits [rows, Classes] → probabilities, in place.</summary>
    public void ToProbabilities(Span<float> logits, int rows) => ScoreActivation.Apply(logits, rows, Classes, Card.MultiLabel);

    /// <summary>One score per label from per-window probabilities [windows, classes].</summary>
    public static float[] Aggregate(ReadOnlySpan<float> probabilities, int windows, int classes, Aggregation aggregation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windows, 1);
        var scores = probabilities[..classes].ToArray();
        for (var w = 1; w < windows; w++)
        {
            var row = probabilities.Slice(w * classes, classes);
            if (aggregation == Aggregation.Max)
            {
                TensorPrimitives.Max(scores, row, scores);
            }
            else
            {
                TensorPrimitives.Add(scores, row, scores);
            }
        }

        if (aggregation == Aggregation.Mean)
        {
            TensorPrimitives.Divide(scores, windows, scores);
        }

        return scores;
    }

    /// <summary>Which labels the track gets: the argmax (single-label) or every label at or above its threshold.</summary>
    public bool[] Assign(ReadOnlySpan<float> trackScores)
    {
        var assigned = new bool[Classes];
        if (Card.MultiLabel)
        {
            for (var c = 0; c < Classes; c++)
            {
                assigned[c] = trackScores[c] >= ThresholdOf(c);
            }
        }
        else
        {
            assigned[TensorPrimitives.IndexOfMax(trackScores)] = true;
        }

        return assigned;
    }

    public float ThresholdOf(int label) => Card.Thresholds is { } thresholds ? thresholds[label] : 0.5f;

    /// <summary>
    /// The track's tags (highest score first) from its window probabilities. With <paramref name="silenceFloorDbfs"/>,
    /// windows quieter than it are marked silent in the timeline and take no part in the track's scores — a model asked
    /// about silence still answers confidently — and a track that is all silence gets no tags (every score 0).
    /// </summary>
    public TrackPrediction Predict(float[] probabilities, IReadOnlyList<WindowPosition> positions, Aggregation? aggregation = null, double? silenceFloorDbfs = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(positions);
        var how = aggregation ?? Card.Aggregation;
        var silent = positions.Select(p => silenceFloorDbfs is { } floor && p.LevelDbfs < floor).ToArray();
        var heard = Enumerable.Range(0, positions.Count).Where(w => !silent[w]).ToArray();
        float[] scores;
        bool[] assigned;
        if (heard.Length == 0)
        {
            (scores, assigned) = (new float[Classes], new bool[Classes]);
        }
        else
        {
            var kept = heard.Length == positions.Count ? probabilities : [.. heard.SelectMany(w => probabilities.AsSpan(w * Classes, Classes).ToArray())];
            scores = Aggregate(kept, heard.Length, Classes, how);
            assigned = Assign(scores);
        }

        var tags = Enumerable.Range(0, Classes)
            .Select(c => new TagScore(Card.Labels[c], scores[c], assigned[c]))
            .OrderByDescending(tag => tag.Score)
            .ThenBy(tag => tag.Label, StringComparer.Ordinal)
            .ToArray();
        var timeline = positions
            .Select((p, w) => new WindowScores(p.StartSeconds, p.EndSeconds, probabilities.AsSpan(w * Classes, Classes).ToArray(), silent[w]))
            .ToArray();
        return new TrackPrediction(tags, timeline, how);
    }

    /// <summary>Decodes (with the default decoder, <see cref="AudioDecoders.Create"/>), windows and tags one audio file.</summary>
    public Task<TrackPrediction> TagFileAsync(
        string path, TorchThread torchThread, Aggregation? aggregation = null, CancellationToken cancellationToken = default) =>
        TagFileAsync(path, AudioDecoders.Create(), torchThread, aggregation, cancellationToken);

    /// <summary>Decodes, windows and tags one audio file; the mel and the network run on <paramref name="torchThread"/>.</summary>
    public async Task<TrackPrediction> TagFileAsync(
        string path, IAudioDecoder decoder, TorchThread torchThread, Aggregation? aggregation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(torchThread);
        await using var source = decoder.OpenFile(path, Card.FrontEnd.Mel.SampleRate);
        var positions = new List<WindowPosition>();
        var probabilities = new List<float>();
        await foreach (var batch in WindowedLogMel.BatchesAsync(source, Card.FrontEnd.Windowing, _extractor, DefaultBatchSize, torchThread, cancellationToken).ConfigureAwait(false))
        {
            var output = new float[batch.Count * Classes];
            await torchThread.RunAsync(() =>
            {
                Model.Predict(batch.Features.Span, batch.Count, batch.Frames, output);
                ToProbabilities(output, batch.Count);
            }, cancellationToken).ConfigureAwait(false);
            positions.AddRange(batch.Windows);
            probabilities.AddRange(output);
        }

        if (positions.Count == 0)
        {
            throw new AudioDecodeException(DecodeErrorKind.Empty, $"{Path.GetFileName(path)}: no audio to tag");
        }

        return Predict([.. probabilities], positions, aggregation);
    }

    public void Dispose()
    {
        _extractor.Dispose();
        Model.Dispose();
    }
}
