using OrleansGenres.Abstractions.Models;
using OrleansGenres.Audio.Features;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// A loaded model ready for analysis: its card, the version string tracks record, the predictor and a mel extractor for
/// its front end. Both are used only on the analysis torch thread.
/// </summary>
public sealed class ActiveModel : IDisposable
{
    public ActiveModel(string version, TrackPredictor predictor)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        Version = version;
        Predictor = predictor ?? throw new ArgumentNullException(nameof(predictor));
        Extractor = LogMelExtractor.Create(predictor.Card.FrontEnd.Mel);
    }

    public string Version { get; }

    public TrackPredictor Predictor { get; }

    public ModelCard Card => Predictor.Card;

    public LogMelExtractor Extractor { get; }

    /// <summary>
    /// "name@sha" from the card: the name and the first 12 hex digits of the weights' SHA-256, so a retrained model with
    /// the same name is a new version.
    /// </summary>
    public static string VersionOf(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var hash = card.WeightsSha256 is { Length: >= 12 } sha ? sha[..12] : "unhashed";
        return $"{card.Name}@{hash}";
    }

    public void Dispose()
    {
        Extractor.Dispose();
        Predictor.Dispose();
    }
}
