using OrleansGenres.Abstractions.Models;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Grains.Models;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Torch;

namespace OrleansGenres.Grains.Analysis;

/// <summary>One track's analysis: decode → windows → log-mel (torch thread) → shared batched inference → aggregation.</summary>
public sealed class TrackAnalyzer(IAudioDecoder decoder, WindowInferenceBatcher batcher, TorchThread torchThread, AnalysisWorkerOptions options)
{
    /// <summary>
    /// Tags and timeline of the audio file; <see cref="AudioDecodeException"/> when it cannot be decoded, or
    /// (<see cref="DecodeErrorKind.TooLong"/>) when it lasts longer than <see cref="AnalysisWorkerOptions.MaxDuration"/>.
    /// </summary>
    public async Task<TrackAnalysisResult> AnalyzeAsync(string audioPath, ActiveModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var card = model.Card;
        await using var source = new CountingPcmSource(new DurationLimitedPcmSource(
            decoder.OpenFile(audioPath, card.FrontEnd.Mel.SampleRate), options.MaxDuration.TotalSeconds, audioPath));
        var positions = new List<WindowPosition>();
        var probabilities = new List<float>();
        await foreach (var batch in WindowedLogMel.BatchesAsync(source, card.FrontEnd.Windowing, model.Extractor, batcher.MaxWindows, torchThread, cancellationToken).ConfigureAwait(false))
        {
            var scores = await batcher.PredictAsync(model, batch, cancellationToken).ConfigureAwait(false);
            positions.AddRange(batch.Windows);
            probabilities.AddRange(scores);
        }

        if (positions.Count == 0 || source.Samples == 0)
        {
            throw new AudioDecodeException(DecodeErrorKind.Empty, "the upload holds no audio samples");
        }

        return new TrackAnalysisResult(model.Predictor.Predict([.. probabilities], positions, silenceFloorDbfs: options.SilenceFloorDbfs), source.Seconds);
    }
}

/// <summary>What <see cref="TrackAnalyzer"/> found: the prediction and the decoded audio's duration.</summary>
public sealed record TrackAnalysisResult(TrackPrediction Prediction, double DurationSeconds);
