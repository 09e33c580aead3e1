namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// Reads ffmpeg's stderr and exit code and names the failure. ffmpeg has no machine-readable error codes for
/// these cases, so the phrases below are the ones ffmpeg 5.x prints; an unknown failure keeps ffmpeg's own text.
/// The in-process decoder judges libav's log with the same lists (src/native/src/decoding/corruption.cpp): change
/// both together, so both decoders keep failing the same inputs the same way.
/// </summary>
internal static class FfmpegDiagnostics
{
    private static readonly string[] NoAudioPhrases = ["matches no streams", "does not contain any stream", "Output file #0 does not contain any stream"];
    private static readonly string[] InvalidDataPhrases = ["Invalid data found when processing input", "Invalid argument", "no 'data' tag found", "Failed to read frame size", "could not find codec parameters", "Could not find codec parameters"];
    private static readonly string[] CorruptionPhrases = ["corrupt input packet", "Packet corrupt", "filesize and duration do not match", "Truncated", "truncated", "Error while decoding", "invalid frame", "Invalid frame", "overread", "Header missing", "incomplete frame"];

    public static AudioDecodeException FromFailure(string input, int exitCode, string stderr)
    {
        var detail = LastMeaningfulLine(stderr);
        if (ContainsAny(stderr, "No such file or directory"))
        {
            return new AudioDecodeException(DecodeErrorKind.NotFound, $"{input}: file not found");
        }

        if (ContainsAny(stderr, "End of file"))
        {
            // The header was readable but the data ends before the first packet.
            return new AudioDecodeException(DecodeErrorKind.Truncated, $"{input}: the audio is cut short ({detail})");
        }

        if (ContainsAny(stderr, NoAudioPhrases))
        {
            return new AudioDecodeException(DecodeErrorKind.NoAudioStream, $"{input}: the input has no audio stream");
        }

        if (ContainsAny(stderr, InvalidDataPhrases))
        {
            return new AudioDecodeException(DecodeErrorKind.InvalidData, $"{input}: not a readable audio file ({detail})");
        }

        return new AudioDecodeException(DecodeErrorKind.DecoderFailed, $"{input}: ffmpeg failed with exit code {exitCode} ({detail})");
    }

    /// <summary>A corruption warning from a run that otherwise succeeded, or null when the output is whole.</summary>
    public static AudioDecodeException? FromWarnings(string input, string stderr)
    {
        var line = stderr.Split('\n').FirstOrDefault(l => ContainsAny(l, CorruptionPhrases));
        return line is null
            ? null
            : new AudioDecodeException(DecodeErrorKind.Truncated, $"{input}: the audio is cut short or corrupt ({Clean(line)})");
    }

    private static bool ContainsAny(string text, params string[] phrases) =>
        phrases.Any(p => text.Contains(p, StringComparison.Ordinal));

    private static string LastMeaningfulLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no message" : Clean(lines[^1]);
    }

    // ffmpeg prefixes messages with "[demuxer @ 0x55...]": the address means nothing to a reader.
    private static string Clean(string line)
    {
        var text = line.Trim();
        if (text.StartsWith('[') && text.IndexOf(']', StringComparison.Ordinal) is var end and > 0)
        {
            text = text[(end + 1)..].Trim();
        }

        return text;
    }
}
