using OrleansGenres.Audio.Features;

namespace OrleansGenres.Torch.Features;

/// <summary>
/// Triangular mel filters over the FFT bins, as librosa (Slaney scale, area-normalised) and torchaudio (HTK scale, no
/// norm) build them: <c>[n_mels, n_fft/2 + 1]</c>, row-major, in double precision.
/// </summary>
public static class MelFilterbank
{
    public static double[] Build(MelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fMax = options.FMax ?? options.SampleRate / 2.0;
        var nFreqs = (options.NFft / 2) + 1;
        var edges = BandEdgesHz(options.Scale, options.NMels, options.FMin, fMax);
        var weights = new double[options.NMels * nFreqs];
        for (var m = 0; m < options.NMels; m++)
        {
            var lowerWidth = edges[m + 1] - edges[m];
            var upperWidth = edges[m + 2] - edges[m + 1];
            // Slaney-style area normalisation: each triangle has constant energy per Hz.
            var norm = options.Norm == FilterNorm.Slaney ? 2.0 / (edges[m + 2] - edges[m]) : 1.0;
            for (var k = 0; k < nFreqs; k++)
            {
                // FFT bin centre frequencies: linspace(0, sr/2, n_freqs).
                var hz = options.SampleRate / 2.0 * k / (nFreqs - 1);
                var rising = (hz - edges[m]) / lowerWidth;
                var falling = (edges[m + 2] - hz) / upperWidth;
                weights[(m * nFreqs) + k] = Math.Max(0.0, Math.Min(rising, falling)) * norm;
            }
        }

        return weights;
    }

    /// <summary>n_mels + 2 edges, evenly spaced on the mel scale between fmin and fmax.</summary>
    private static double[] BandEdgesHz(MelScale scale, int nMels, double fMin, double fMax)
    {
        var (melMin, melMax) = (HzToMel(scale, fMin), HzToMel(scale, fMax));
        return [.. Enumerable.Range(0, nMels + 2).Select(i => MelToHz(scale, melMin + ((melMax - melMin) * i / (nMels + 1))))];
    }

    // HTK: 2595·log10(1 + f/700). Slaney (Auditory Toolbox, librosa's default): linear below 1 kHz, logarithmic above.
    private const double SlaneyStep = 200.0 / 3.0;
    private const double SlaneyMinLogHz = 1000.0;
    private const double SlaneyMinLogMel = SlaneyMinLogHz / SlaneyStep;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27.0;

    public static double HzToMel(MelScale scale, double hz) => scale == MelScale.Htk
        ? 2595.0 * Math.Log10(1.0 + (hz / 700.0))
        : hz >= SlaneyMinLogHz ? SlaneyMinLogMel + (Math.Log(hz / SlaneyMinLogHz) / SlaneyLogStep) : hz / SlaneyStep;

    public static double MelToHz(MelScale scale, double mel) => scale == MelScale.Htk
        ? 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0)
        : mel >= SlaneyMinLogMel ? SlaneyMinLogHz * Math.Exp(SlaneyLogStep * (mel - SlaneyMinLogMel)) : SlaneyStep * mel;
}
