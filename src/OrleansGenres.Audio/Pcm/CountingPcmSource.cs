namespace OrleansGenres.Audio.Pcm;

/// <summary>Passes samples through and counts them, so a stage downstream can tell the audio's true duration.</summary>
public sealed class CountingPcmSource(IPcmSource inner) : IPcmSource
{
    private readonly IPcmSource _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public int SampleRate => _inner.SampleRate;

    public double? DeclaredSeconds => _inner.DeclaredSeconds;

    public long Samples { get; private set; }

    public double Seconds => (double)Samples / SampleRate;

    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Samples += read;
        return read;
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
