using System.ComponentModel;
using System.Diagnostics;

namespace OrleansGenres.Audio.Decoding;

/// <summary>Starts ffmpeg/ffprobe as a child process and keeps a bounded copy of what it writes to stderr.</summary>
internal sealed class FfmpegProcess : IAsyncDisposable
{
    private const int MaxStderrLines = 64;
    private readonly List<string> _stderrLines = [];
    private readonly Task _stderrPump;

    private FfmpegProcess(Process process)
    {
        Process = process;
        _stderrPump = PumpStderrAsync();
    }

    public Process Process { get; }

    /// <summary>The first lines ffmpeg wrote to stderr (bounded: a corrupt hour-long file can print thousands).</summary>
    public async Task<string> StderrAsync()
    {
        await _stderrPump.ConfigureAwait(false);
        return string.Join('\n', _stderrLines);
    }

    public static FfmpegProcess Start(string executable, IEnumerable<string> arguments, bool redirectStdin)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(startInfo)
                ?? throw new AudioDecodeException(DecodeErrorKind.DecoderMissing, $"{executable} could not be started");
            return new FfmpegProcess(process);
        }
        catch (Win32Exception e)
        {
            throw new AudioDecodeException(
                DecodeErrorKind.DecoderMissing,
                $"{executable} was not found: install the Debian package `ffmpeg` (apt-get install ffmpeg), " +
                "or set the path to the executable in the options",
                e);
        }
    }

    /// <summary>ffmpeg's own input syntax would treat "http:…" or "-…" specially; "file:" pins a local path.</summary>
    public static string FileInputArgument(string path) => "file:" + Path.GetFullPath(path);

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _stderrPump.ConfigureAwait(false);
        Process.Dispose();
    }

    public void Kill()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task PumpStderrAsync()
    {
        string? line;
        while ((line = await Process.StandardError.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            if (_stderrLines.Count < MaxStderrLines)
            {
                _stderrLines.Add(line);
            }
        }
    }
}
