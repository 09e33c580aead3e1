using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace OrleansGenres.Audio.Tests.Support;

/// <summary>Runs <c>ffmpeg -i in -map 0:a:0 [options] -ac 1 -ar SR -f f32le -</c> and returns the samples it writes.</summary>
public static class FfmpegCommandLine
{
    public static float[] Decode(string path, int sampleRate, params string[] inputOptions)
    {
        var startInfo = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "-nostdin", "-v", "quiet", .. inputOptions, "-i", "file:" + Path.GetFullPath(path), "-map", "0:a:0",
            "-ac", "1", "-ar", sampleRate.ToString(CultureInfo.InvariantCulture), "-f", "f32le", "-",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        _ = stderr.Result;
        return MemoryMarshal.Cast<byte, float>(output.ToArray()).ToArray();
    }
}
