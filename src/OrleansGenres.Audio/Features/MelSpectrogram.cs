namespace OrleansGenres.Audio.Features;

/// <summary>A log-mel of one signal: row-major [NMels, Frames].</summary>
public sealed record MelSpectrogram(float[] Data, int NMels, int Frames)
{
    public float this[int mel, int frame] => Data[(mel * Frames) + frame];
}
