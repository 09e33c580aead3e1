namespace OrleansGenres.Audio.Pcm;

/// <summary>
/// A stream of mono float32 samples at a fixed rate. Stages (decoders, windowers) are small decorators over it,
/// so an hour of audio flows through in chunks and never sits in memory whole.
/// </summary>
public interface IPcmSource : IAsyncDisposable
{
    int SampleRate { get; }

    /// <summary>
    /// The duration the input's header declares, once known (after the first read); null when there is none. A claim
    /// only: headers can lie, so a limit also counts the samples (<see cref="DurationLimitedPcmSource"/>).
    /// </summary>
    double? DeclaredSeconds => null;

    /// <summary>Fills <paramref name="buffer"/> with up to its length in samples; 0 means the end of the audio.</summary>
    ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken = default);
}
