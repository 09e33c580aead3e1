namespace OrleansGenres.Audio.Pipeline;

/// <summary>
/// Log-mels of consecutive windows: <see cref="Features"/> is row-major [Count, NMels, Frames]. It is a view of
/// the pipeline's reused buffer, valid until the enumeration moves on: consume it or copy it (ToArray).
/// </summary>
public sealed record LogMelWindowBatch(IReadOnlyList<WindowPosition> Windows, ReadOnlyMemory<float> Features, int NMels, int Frames)
{
    public int Count => Windows.Count;

    public int FloatsPerWindow => NMels * Frames;

    public ReadOnlySpan<float> Window(int i) => Features.Span.Slice(i * FloatsPerWindow, FloatsPerWindow);
}
