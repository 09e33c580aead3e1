namespace OrleansGenres.Audio.Windowing;

/// <summary>
/// One window of a signal. <see cref="Samples"/> always has the full window length; a padded last window holds
/// <see cref="ValidSamples"/> real samples followed by zeros. The samples are a view of the windower's buffer,
/// valid until the enumeration moves on: copy them (<c>Samples.ToArray()</c>) to keep them.
/// </summary>
public sealed record AudioWindow(int Index, long StartSample, int SampleRate, ReadOnlyMemory<float> Samples, int ValidSamples)
{
    public double StartSeconds => (double)StartSample / SampleRate;

    public double EndSeconds => (double)(StartSample + ValidSamples) / SampleRate;

    public bool IsPadded => ValidSamples < Samples.Length;
}
