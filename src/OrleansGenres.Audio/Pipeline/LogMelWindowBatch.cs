namespace OrleansGenres.Audio.Pipeline;

/// <summary>Log-mels of consecutive windows: <see cref="Features"/> is row-major [Count, NMels, Frames].</summary>
public sealed record LogMelWindowBatch(IReadOnlyList<WindowPosition> Windows, float[] Features, int NMels, int Frames)
{
    public int Count => Windows.Count;

    public int FloatsPerWindow => NMels * Frames;

    public ReadOnlySpan<float> Window(int i) => Features.AsSpan(i * FloatsPerWindow, FloatsPerWindow);
}
