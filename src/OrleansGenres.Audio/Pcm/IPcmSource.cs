namespace OrleansGenres.Audio.Pcm;

/// <summary>
/// A stream of mono float32 samples at a fixed rate. Stages (decoders, windowers) are small decorators over it,
/// so an hour of audio flows through in chunks and never sits in memory whole.
/// </summary>
public interface IPcmSource : IAsyncDisposable
{
    int SampleRate { get; }

    /// <summary>Fills <paramref name="buffer"/> with up to its length in samples; 0 means the end of the audio.</summary>
    ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken = default);
}
