using System.Collections.Frozen;

namespace OrleansGenres.Ml.Data;

/// <summary>File extensions taken as audio when a dataset is a folder per class (everything else, e.g. a README, is ignored).</summary>
public static class AudioFileExtensions
{
    /// <summary>Formats ffmpeg decodes that datasets commonly use, with the dot, matched case-insensitively.</summary>
    public static FrozenSet<string> Common { get; } = new[]
    {
        ".wav", ".wave", ".mp3", ".ogg", ".oga", ".opus", ".flac", ".m4a", ".aac", ".mp4", ".aif", ".aiff", ".aifc", ".au", ".wma", ".webm", ".mka",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
