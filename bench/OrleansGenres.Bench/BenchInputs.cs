using System.Diagnostics;

namespace OrleansGenres.Bench;

/// <summary>
/// Generated benchmark audio (ffmpeg lavfi: a tone plus pink noise, so codecs have real work), cached between
/// runs in a temporary folder. Nothing is committed.
/// </summary>
internal sealed class BenchInputs(string directory)
{
    /// <summary>A stereo 44.1 kHz file of <paramref name="seconds"/> seconds in the container <paramref name="format"/>.</summary>
    public string Get(string name, int seconds, string format, params string[] codecArguments)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{seconds}s-{name}");
        if (File.Exists(path))
        {
            return path;
        }

        string[] arguments =
        [
            "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}:sample_rate=44100",
            "-f", "lavfi", "-i", $"anoisesrc=d={seconds}:c=pink:a=0.1:r=44100",
            "-filter_complex", "amix=inputs=2", "-ac", "2",
            .. codecArguments,
            "-f", format, path + ".tmp",
        ];
        var startInfo = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Console.Error.WriteLine($"generating {seconds} s {name} ...");
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not generate {name}: {stderr}");
        }

        File.Move(path + ".tmp", path);
        return path;
    }
}
