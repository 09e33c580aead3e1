namespace OrleansGenres.Audio.Windowing;

/// <summary>
/// One window of a signal. <see cref="Samples"/> always has the full window length; a padded last window holds
/// <see cref="ValidSamples"/> real samples followed by zeros.
/// </summary>
public sealed record AudioWindow(int Index, long StartSample, int SampleRate, float[] Samples, int ValidSamples)
{
    public double StartSeconds => (double)StartSample / SampleRate;

    public double EndSeconds => (double)(StartSample + ValidSamples) / SampleRate;

    public bool IsPadded => ValidSamples < Samples.Length;
}
