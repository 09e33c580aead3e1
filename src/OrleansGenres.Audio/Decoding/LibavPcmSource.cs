using OrleansGenres.Audio.Pcm;
using OrleansGenres.Native;

namespace OrleansGenres.Audio.Decoding;

/// <summary>
/// Mono float32 PCM from the in-process decoder (a native gn_decoder). The input is opened at the first read and
/// decoded on the reading thread straight into the caller's buffer, a packet at a time (a 30 s MP3 takes a few
/// milliseconds). Errors surface as <see cref="AudioDecodeException"/> from <see cref="ReadAsync"/>: at the first read
/// for unreadable input, at the end of the stream for a file cut short, as with <see cref="FfmpegPcmSource"/>.
/// </summary>
internal sealed class LibavPcmSource : IPcmSource
{
    private readonly LibavOptions _options;
    private readonly string _label;
    private readonly Stream? _upload;
    private string? _path;
    private SpooledInput? _spooled;
    private DecoderHandle? _decoder;
    private bool _finished;

    private LibavPcmSource(LibavOptions options, string label, string? path, Stream? upload, int sampleRate)
    {
        _options = options;
        _label = label;
        _path = path;
        _upload = upload;
        SampleRate = sampleRate;
    }

    public int SampleRate { get; }

    /// <summary>What the container declares (known once the first read opened the input; null when it declares nothing).</summary>
    public double? DeclaredSeconds { get; private set; }

    public static LibavPcmSource ForFile(LibavOptions options, string path, int sampleRate) =>
        new(options, path, Path.GetFullPath(path), upload: null, sampleRate);

    /// <summary>Decodes a stream, copied to a temporary file at the first read (<see cref="SpooledInput"/>).</summary>
    public static LibavPcmSource ForStream(LibavOptions options, string label, Stream upload, int sampleRate) =>
        new(options, label, path: null, upload, sampleRate);

    public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken = default)
    {
        if (_finished || buffer.IsEmpty)
        {
            return ValueTask.FromResult(0);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _decoder is not null ? ValueTask.FromResult(Read(_decoder, buffer.Span)) : OpenAndReadAsync(buffer, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _decoder?.Dispose();
        _spooled?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<int> OpenAndReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        if (_path is null)
        {
            _spooled = await SpooledInput.CopyAsync(_upload!, cancellationToken).ConfigureAwait(false);
            if (_spooled.Length == 0)
            {
                _finished = true;
                throw new AudioDecodeException(DecodeErrorKind.Empty, $"{_label}: the input is empty (0 bytes)");
            }

            _path = _spooled.Path;
        }

        _decoder = Open(_path);
        DeclaredSeconds = DecoderNativeMethods.DeclaredSeconds(_decoder, out var seconds) == (int)NativeStatus.Ok && seconds > 0 ? seconds : null;
        return Read(_decoder, buffer.Span);
    }

    private DecoderHandle Open(string path)
    {
        GenresNative.EnsureCompatible();
        var options = new DecoderNativeMethods.DecoderOptionsNative { SampleRate = SampleRate, FailOnCorruption = _options.FailOnCorruption ? 1 : 0 };
        var status = DecoderNativeMethods.Open(path, options, out var decoder);
        if (status != (int)NativeStatus.Ok)
        {
            decoder.Dispose();
            _finished = true;
            throw LibavErrors.FromStatus(status, _label);
        }

        return decoder;
    }

    private unsafe int Read(DecoderHandle decoder, Span<float> buffer)
    {
        int status;
        long written;
        fixed (float* output = buffer)
        {
            status = DecoderNativeMethods.Read(decoder, output, buffer.Length, out written);
        }

        if (status == (int)NativeStatus.Ok && written > 0)
        {
            return (int)written;
        }

        _finished = true;
        // The native decoder cannot see an Ogg stream cut at a page boundary: check its last page, before calling an
        // input that decoded to nothing Empty -- the order FfmpegPcmSource applies.
        if (_options.FailOnCorruption && status is (int)NativeStatus.Ok or (int)NativeStatus.DecodeEmpty
            && OggCompleteness.FindTruncation(_path!) is { } truncation)
        {
            throw new AudioDecodeException(DecodeErrorKind.Truncated, $"{_label}: the audio is cut short ({truncation})");
        }

        return status == (int)NativeStatus.Ok ? 0 : throw LibavErrors.FromStatus(status, _label);
    }
}
