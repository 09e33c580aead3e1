using OrleansGenres.Audio.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Features;

/// <summary>
/// The log-mel front end on TorchSharp, batched: pad (centre; zeros for librosa, reflection for torchaudio) →
/// <c>torch.stft</c> with a Hann window → |X|² (or |X|) → mel filterbank → dB (10·log10, or 20·log10 for magnitude)
/// with the max − top_db floor per item → optional per-item normalisation. Long signals are computed a few hundred
/// frames at a time, so memory stays a few MB whatever the input's length. Matches ../shared/reference/mel.
/// Create once per configuration (it builds the window and filterbank) and share: computing is thread-safe (the
/// window and filterbank are only read; each call's intermediates live in its own dispose scope).
/// </summary>
public sealed class LogMelExtractor : IDisposable
{
    // A few hundred frames per STFT: intermediates stay small and cache-warm for short windows and hour-long tracks alike.
    private const long FramesPerChunk = 512;

    private readonly Tensor _window;
    private readonly Tensor _filterbank;

    private LogMelExtractor(MelOptions options)
    {
        Options = options;
        var winLength = options.WinLength ?? options.NFft;
        _window = hann_window(winLength, dtype: float32);
        var nFreqs = (options.NFft / 2) + 1;
        using var weights = tensor(MelFilterbank.Build(options), [options.NMels, nFreqs], float64);
        _filterbank = weights.to_type(float32);
    }

    public MelOptions Options { get; }

    /// <summary>The front end for <paramref name="options"/>; <see cref="ArgumentException"/> listing every problem with them.</summary>
    public static LogMelExtractor Create(MelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid mel options: {string.Join("; ", problems)}", nameof(options));
        }

        TorchEnvironment.Configure();
        return new LogMelExtractor(options);
    }

    /// <summary>The filterbank as float32, row-major [n_mels, n_fft/2 + 1].</summary>
    public float[] Filterbank() => _filterbank.data<float>().ToArray();

    /// <summary>The log-mel of one mono signal at <see cref="MelOptions.SampleRate"/>.</summary>
    public MelSpectrogram Compute(ReadOnlySpan<float> signal)
    {
        using var scope = NewDisposeScope();
        var input = FloatTensors.FromSpan(signal, [1, signal.Length]);
        var mel = Compute(input)[0];
        return new MelSpectrogram(mel.data<float>().ToArray(), (int)mel.shape[0], (int)mel.shape[1]);
    }

    /// <summary>
    /// Log-mel of <paramref name="batch"/> equal-length signals stored back to back in <paramref name="signals"/>,
    /// written to <paramref name="output"/> as [batch, NMels, frames] (the pipeline's reused buffers: no tensor escapes).
    /// </summary>
    public void ComputeBatch(ReadOnlySpan<float> signals, int batch, Span<float> output)
    {
        if (batch <= 0 || signals.Length % batch != 0)
        {
            throw new ArgumentException("signals must hold batch signals of equal length", nameof(signals));
        }

        var samples = signals.Length / batch;
        var frames = Options.FrameCount(samples);
        if (output.Length < batch * Options.NMels * frames)
        {
            throw new ArgumentException($"output holds {output.Length} floats; [batch={batch}, n_mels={Options.NMels}, frames={frames}] are needed", nameof(output));
        }

        using var scope = NewDisposeScope();
        var input = FloatTensors.FromSpan(signals, [batch, samples]);
        Compute(input).data<float>().CopyTo(output);
    }

    /// <summary>Log-mels of equal-length signals <c>[batch, samples]</c>: <c>[batch, n_mels, frames]</c>, float32.</summary>
    public Tensor Compute(Tensor signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.dim() != 2)
        {
            throw new ArgumentException("signals must be [batch, samples]", nameof(signals));
        }

        var frames = Options.FrameCount(signals.shape[1]);
        if (frames <= 0)
        {
            throw new ArgumentException($"a signal of {signals.shape[1]} samples is shorter than one frame", nameof(signals));
        }

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var batch = signals.shape[0];
        var output = empty([batch, Options.NMels, frames], float32);
        var itemsPerChunk = Math.Max(1, FramesPerChunk / frames);
        for (long first = 0; first < batch; first += itemsPerChunk)
        {
            var items = Math.Min(itemsPerChunk, batch - first);
            var padded = Pad(signals.narrow(0, first, items).to_type(float32));
            for (long firstFrame = 0; firstFrame < frames; firstFrame += FramesPerChunk)
            {
                var endFrame = Math.Min(frames, firstFrame + FramesPerChunk);
                output.narrow(0, first, items).narrow(2, firstFrame, endFrame - firstFrame).copy_(MelOfFrames(padded, firstFrame, endFrame));
            }
        }

        if (Options.Decibels)
        {
            ToDecibels(output);
        }

        Normalize(output);
        return output.MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _window.Dispose();
        _filterbank.Dispose();
    }

    private Tensor Pad(Tensor signals)
    {
        if (!Options.Center)
        {
            return signals;
        }

        var half = Options.NFft / 2;
        if (Options.PadMode == PadMode.Constant)
        {
            return nn.functional.pad(signals, [half, half], PaddingModes.Constant, 0);
        }

        if (signals.shape[1] <= half)
        {
            throw new ArgumentException("input is too short for reflect padding: it needs more than n_fft/2 samples");
        }

        // Reflection padding reads [batch, samples] as (channels, width).
        return nn.functional.pad(signals.unsqueeze(0), [half, half], PaddingModes.Reflect).squeeze(0);
    }

    /// <summary>Mel power of frames [first, end) of padded signals: [batch, n_mels, end − first].</summary>
    private Tensor MelOfFrames(Tensor padded, long firstFrame, long endFrame)
    {
        var start = firstFrame * Options.HopLength;
        var length = ((endFrame - 1 - firstFrame) * Options.HopLength) + Options.NFft;
        var spectrum = stft(padded.narrow(1, start, length), Options.NFft, Options.HopLength, _window.shape[0], _window,
            center: false, normalized: false, onesided: true, return_complex: true);
        // |X|² from the real and imaginary parts: two element-wise kernels, no square root.
        var (re, im) = (spectrum.real, spectrum.imag);
        var power = (re * re) + (im * im);
        if (Options.Power == 1.0)
        {
            power = power.sqrt();
        }

        return matmul(_filterbank, power);
    }

    /// <summary>In place: dB relative to the reference, floored at each item's own max − top_db (as librosa does per call).</summary>
    private void ToDecibels(Tensor mel)
    {
        var multiplier = Options.Power == 2.0 ? 10.0 : 20.0;
        mel.clamp_min_(Options.AMin).log10_().mul_(multiplier);
        mel.sub_(multiplier * Math.Log10(Math.Max(Options.AMin, Options.Reference)));
        if (Options.TopDb is { } topDb)
        {
            var floor = mel.amax([1, 2], keepdim: true) - topDb;
            mel.copy_(maximum(mel, floor));
        }
    }

    private void Normalize(Tensor mel)
    {
        const double epsilon = 1e-8;
        switch (Options.Normalization)
        {
            case FeatureNormalization.MinMax:
                var low = mel.amin([1, 2], keepdim: true);
                var range = (mel.amax([1, 2], keepdim: true) - low).clamp_min(epsilon);
                mel.sub_(low).div_(range);
                break;
            case FeatureNormalization.Standardize:
                var (std, mean) = std_mean(mel, [1, 2], unbiased: false, keepdim: true);
                mel.sub_(mean).div_(std.clamp_min(epsilon));
                break;
        }
    }
}
