namespace OrleansGenres.Audio.Windowing;

/// <summary>What to do with audio left over after the last whole window.</summary>
public enum LastWindowPolicy
{
    /// <summary>Emit one more window over the tail, zero-padded to full length (input shorter than a window gives one window).</summary>
    Pad,

    /// <summary>Drop the tail (input shorter than a window gives no windows).</summary>
    Drop,
}
