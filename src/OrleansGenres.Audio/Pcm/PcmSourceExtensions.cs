namespace OrleansGenres.Audio.Pcm;

public static class PcmSourceExtensions
{
    /// <summary>
    /// Reads the whole source into one array. For bounded inputs only (a clip, a reference signal); long inputs
    /// should be windowed from the stream instead.
    /// </summary>
    public static async Task<float[]> ReadAllAsync(this IPcmSource source, CancellationToken cancellationToken = default)
    {
        var chunk = new float[64 * 1024];
        var all = new List<float>();
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            all.AddRange(new ReadOnlySpan<float>(chunk, 0, read));
        }

        return [.. all];
    }
}
