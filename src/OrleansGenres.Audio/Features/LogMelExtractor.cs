using OrleansGenres.Native;

namespace OrleansGenres.Audio.Features;

/// <summary>
/// The log-mel front end, computed by libtorch in the native bridge. Create once per configuration (it builds
/// the window and filterbank) and share: computing is thread-safe.
/// </summary>
public sealed class LogMelExtractor : IDisposable
{
    private readonly MelHandle _handle;

    private LogMelExtractor(MelOptions options, MelHandle handle)
    {
        Options = options;
        _handle = handle;
    }

    public MelOptions Options { get; }

    public static LogMelExtractor Create(MelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid mel options: " + string.Join("; ", errors), nameof(options));
        }

        GenresNative.EnsureCompatible();
        NativeCall.Check(MelNativeMethods.Create(MelNativeMethods.MelOptionsNative.From(options), out var handle));
        return new LogMelExtractor(options, handle);
    }

    /// <summary>The mel filterbank, row-major [NMels, NFft/2 + 1].</summary>
    public unsafe float[] Filterbank()
    {
        var output = new float[Options.NMels * ((Options.NFft / 2) + 1)];
        fixed (float* pointer = output)
        {
            NativeCall.Check(MelNativeMethods.Filterbank(_handle, pointer, output.Length));
        }

        return output;
    }

    /// <summary>Log-mel of one signal.</summary>
    public MelSpectrogram Compute(ReadOnlySpan<float> signal)
    {
        var frames = checked((int)Options.FrameCount(signal.Length));
        if (frames == 0)
        {
            throw new ArgumentException($"the signal ({signal.Length} samples) is shorter than one frame", nameof(signal));
        }

        var output = new float[Options.NMels * frames];
        ComputeBatch(signal, 1, output);
        return new MelSpectrogram(output, Options.NMels, frames);
    }

    /// <summary>
    /// Log-mel of <paramref name="batch"/> equal-length signals stored back to back in <paramref name="signals"/>,
    /// written to <paramref name="output"/> as [batch, NMels, frames]. Per-window options (top_db floor,
    /// normalisation) apply to each signal on its own.
    /// </summary>
    public unsafe void ComputeBatch(ReadOnlySpan<float> signals, int batch, Span<float> output)
    {
        if (batch <= 0 || signals.Length % batch != 0)
        {
            throw new ArgumentException("signals must hold batch signals of equal length", nameof(signals));
        }

        fixed (float* input = signals)
        fixed (float* result = output)
        {
            NativeCall.Check(MelNativeMethods.Compute(_handle, input, batch, signals.Length / batch, result, output.Length));
        }
    }

    public void Dispose() => _handle.Dispose();
}
