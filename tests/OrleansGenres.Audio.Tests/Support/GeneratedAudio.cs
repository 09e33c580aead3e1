using System.Diagnostics;

namespace OrleansGenres.Audio.Tests.Support;

/// <summary>Test audio made on the fly with ffmpeg's lavfi sources (nothing binary is committed).</summary>
public static class GeneratedAudio
{
    /// <summary>Runs ffmpeg to create <paramref name="path"/> from a lavfi source, e.g. "sine=frequency=440:duration=3".</summary>
    public static string Create(string path, string lavfiSource, params string[] outputArguments)
    {
        var startInfo = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", lavfiSource }
                     .Concat(outputArguments)
                     .Append(path))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not generate {path}: {stderr}");
        }

        return path;
    }
}
