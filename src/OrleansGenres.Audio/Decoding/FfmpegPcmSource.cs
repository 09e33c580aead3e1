using System.Runtime.InteropServices;
using OrleansGenres.Audio.Pcm;

namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// Mono float32 PCM streamed from an ffmpeg child process. Errors surface as <see cref="AudioDecodeException"/>
/// from <see cref="ReadAsync"/>: at once for unreadable input, at the end of the stream for a file cut short.
/// </summary>
internal sealed class FfmpegPcmSource : IPcmSource
{
    private readonly FfmpegProcess _ffmpeg;
    private readonly FfmpegOptions _options;
    private readonly string _label;
    private readonly string? _path;
    private readonly StdinPump? _stdinPump;
    private readonly byte[] _buffer;
    private int _carry;
    private long _samplesRead;
    private bool _finished;

    private FfmpegPcmSource(FfmpegProcess ffmpeg, FfmpegOptions options, string label, string? path, int sampleRate, Stream? input)
    {
        _ffmpeg = ffmpeg;
        _options = options;
        _label = label;
        _path = path;
        SampleRate = sampleRate;
        _buffer = new byte[Math.Max(4096, options.ReadBufferBytes)];
        _stdinPump = input is null ? null : new StdinPump(input, ffmpeg.Process.StandardInput.BaseStream);
    }

    public int SampleRate { get; }

    /// <summary>The ffmpeg child's process id (for resource measurements).</summary>
    public int ProcessId => _ffmpeg.Process.Id;

    /// <summary>Decodes a local file.</summary>
    public static FfmpegPcmSource StartFile(FfmpegOptions options, string path, int sampleRate) =>
        Start(options, path, path, FfmpegProcess.FileInputArgument(path), input: null, sampleRate);

    /// <summary>Decodes bytes piped to ffmpeg's stdin.</summary>
    public static FfmpegPcmSource StartStream(FfmpegOptions options, string label, Stream input, int sampleRate) =>
        Start(options, label, path: null, "pipe:0", input, sampleRate);

    private static FfmpegPcmSource Start(FfmpegOptions options, string label, string? path, string inputArgument, Stream? input, int sampleRate)
    {
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-nostats", "-loglevel", "warning",
            "-i", inputArgument,
            "-map", "0:a:0", "-vn", "-sn", "-dn",
            "-ac", "1", "-ar", sampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1",
        ];
        var ffmpeg = FfmpegProcess.Start(options.FfmpegPath, arguments, redirectStdin: input is not null);
        return new FfmpegPcmSource(ffmpeg, options, label, path, sampleRate, input);
    }

    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken = default)
    {
        if (_finished || buffer.IsEmpty)
        {
            return 0;
        }

        using var kill = cancellationToken.Register(_ffmpeg.Kill);
        var stdout = _ffmpeg.Process.StandardOutput.BaseStream;
        var wanted = Math.Min(buffer.Length * sizeof(float), _buffer.Length);
        while (true)
        {
            var read = await stdout.ReadAsync(_buffer.AsMemory(_carry, Math.Max(wanted - _carry, sizeof(float))), cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (read == 0)
            {
                await FinishAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }

            var available = _carry + read;
            var samples = available / sizeof(float);
            if (samples == 0)
            {
                _carry = available;
                continue;
            }

            // One block copy from the byte buffer to the caller's floats; a partial sample waits for the next read.
            var bytes = samples * sizeof(float);
            _buffer.AsSpan(0, bytes).CopyTo(MemoryMarshal.AsBytes(buffer.Span));
            _carry = available - bytes;
            _buffer.AsSpan(bytes, _carry).CopyTo(_buffer);
            _samplesRead += samples;
            return samples;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _ffmpeg.DisposeAsync().ConfigureAwait(false);
        if (_stdinPump is not null)
        {
            await _stdinPump.StopAsync().ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(CancellationToken cancellationToken)
    {
        _finished = true;
        await _ffmpeg.Process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var stderr = await _ffmpeg.StderrAsync().ConfigureAwait(false);
        long inputBytes = -1;
        if (_stdinPump is not null)
        {
            // ffmpeg has exited: whatever the caller's stream still holds is not needed.
            _stdinPump.Stop();
            inputBytes = await _stdinPump.Completion.ConfigureAwait(false);
        }

        if (inputBytes == 0)
        {
            throw new AudioDecodeException(DecodeErrorKind.Empty, $"{_label}: the input is empty (0 bytes)");
        }

        if (_ffmpeg.Process.ExitCode != 0)
        {
            throw FfmpegDiagnostics.FromFailure(_label, _ffmpeg.Process.ExitCode, stderr);
        }

        if (_options.FailOnCorruption && FfmpegDiagnostics.FromWarnings(_label, stderr) is { } corruption)
        {
            throw corruption;
        }

        if (_options.FailOnCorruption && FindTruncation() is { } truncation)
        {
            throw new AudioDecodeException(DecodeErrorKind.Truncated, $"{_label}: the audio is cut short ({truncation})");
        }

        if (_samplesRead == 0)
        {
            throw new AudioDecodeException(DecodeErrorKind.Empty, $"{_label}: the input holds no audio samples");
        }
    }

    private string? FindTruncation() =>
        _path is not null ? OggCompleteness.FindTruncation(_path)
        : _stdinPump is not null ? OggCompleteness.FindTruncation(_stdinPump.Head, _stdinPump.Tail)
        : null;
}
