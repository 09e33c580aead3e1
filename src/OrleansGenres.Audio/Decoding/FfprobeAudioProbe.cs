using System.Globalization;
using System.Text.Json;

namespace OrleansGenres.Audio.Decoding;

/// <summary>Probes with ffprobe's JSON output (same Debian package as ffmpeg).</summary>
public sealed class FfprobeAudioProbe(FfmpegOptions options) : IAudioProbe
{
    public FfprobeAudioProbe()
        : this(new FfmpegOptions())
    {
    }

    public async Task<AudioInfo> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new AudioDecodeException(DecodeErrorKind.NotFound, $"{path}: file not found");
        }

        if (file.Length == 0)
        {
            throw new AudioDecodeException(DecodeErrorKind.Empty, $"{path}: the file is empty (0 bytes)");
        }

        string[] arguments =
        [
            "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-select_streams", "a:0",
            FfmpegProcess.FileInputArgument(path),
        ];
        await using var ffprobe = FfmpegProcess.Start(options.FfprobePath, arguments, redirectStdin: false);
        using var kill = cancellationToken.Register(ffprobe.Kill);
        var json = await ffprobe.Process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await ffprobe.Process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (ffprobe.Process.ExitCode != 0)
        {
            throw FfmpegDiagnostics.FromFailure(path, ffprobe.Process.ExitCode, await ffprobe.StderrAsync().ConfigureAwait(false));
        }

        return Parse(path, json);
    }

    private static AudioInfo Parse(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            throw new AudioDecodeException(DecodeErrorKind.NoAudioStream, $"{path}: the input has no audio stream");
        }

        var stream = streams[0];
        var format = root.GetProperty("format");
        var duration = Number(stream, "duration") ?? Number(format, "duration")
            ?? throw new AudioDecodeException(DecodeErrorKind.InvalidData, $"{path}: the input states no duration");
        return new AudioInfo(
            duration,
            (int)(Number(stream, "sample_rate") ?? 0),
            stream.TryGetProperty("channels", out var channels) ? channels.GetInt32() : 0,
            Text(stream, "codec_name") ?? "unknown",
            Text(format, "format_name") ?? "unknown");
    }

    // ffprobe writes numbers as strings ("5.041633") and "N/A" when it does not know.
    private static double? Number(JsonElement element, string name) =>
        Text(element, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
