namespace OrleansGenres.Audio.Windowing;

/// <summary>How a signal is cut into fixed-length windows. Presets: 4 s / 2 s hop (default) and 10 s / 10 s.</summary>
public sealed record WindowingOptions
{
    public static WindowingOptions Default { get; } = new();

    public static WindowingOptions TenSeconds { get; } = new() { WindowSeconds = 10, HopSeconds = 10 };

    public double WindowSeconds { get; init; } = 4;

    public double HopSeconds { get; init; } = 2;

    public LastWindowPolicy LastWindow { get; init; } = LastWindowPolicy.Pad;

    public int WindowSamples(int sampleRate) => (int)Math.Round(WindowSeconds * sampleRate);

    public int HopSamples(int sampleRate) => (int)Math.Round(HopSeconds * sampleRate);

    /// <summary>Problems with these options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(WindowSeconds > 0 && WindowSeconds <= 600))
        {
            errors.Add("window must be between 0 and 600 seconds");
        }

        if (!(HopSeconds > 0 && HopSeconds <= WindowSeconds))
        {
            errors.Add("hop must be positive and no longer than the window");
        }

        return errors;
    }
}
