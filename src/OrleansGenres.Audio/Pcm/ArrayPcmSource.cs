namespace OrleansGenres.Audio.Pcm;

/// <summary>Samples already in memory, served as a stream (tests, reference signals, generated audio).</summary>
public sealed class ArrayPcmSource(ReadOnlyMemory<float> samples, int sampleRate) : IPcmSource
{
    private int _position;

    public int SampleRate { get; } = sampleRate;

    public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken = default)
    {
        var count = Math.Min(buffer.Length, samples.Length - _position);
        samples.Slice(_position, count).CopyTo(buffer);
        _position += count;
        return ValueTask.FromResult(count);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
