namespace OrleansGenres.Audio.Features;

/// <summary>How a centred STFT pads n_fft/2 samples at each end.</summary>
public enum PadMode
{
    /// <summary>Zeros (librosa's default since 0.10).</summary>
    Constant = 0,

    /// <summary>Mirror the signal (torchaudio's default); needs more than n_fft/2 samples.</summary>
    Reflect = 1,
}
