namespace OrleansGenres.Audio.Decoding;

/// <summary>Reads an input's duration, sample rate, channels and codec without decoding it.</summary>
public interface IAudioProbe
{
    Task<AudioInfo> ProbeAsync(string path, CancellationToken cancellationToken = default);
}
