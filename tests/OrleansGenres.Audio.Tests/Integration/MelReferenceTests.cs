using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Tests.Support;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>The native log-mel (<see cref="LogMelExtractor"/>) against ../shared/reference/mel.</summary>
public sealed class MelReferenceTests : MelReferenceContract
{
    protected override MelSpectrogram Compute(MelOptions options, float[] signal)
    {
        using var extractor = LogMelExtractor.Create(options);
        return extractor.Compute(signal);
    }

    protected override float[] Filterbank(MelOptions options)
    {
        using var extractor = LogMelExtractor.Create(options);
        return extractor.Filterbank();
    }
}
