namespace OrleansGenres.Audio.Features;

/// <summary>
/// Every setting of the log-mel front end. The two presets reproduce librosa and torchaudio exactly (see
/// ../shared/reference/mel/README.md); any field can be changed with <c>with</c>.
/// </summary>
public sealed record MelOptions
{
    /// <summary>librosa.feature.melspectrogram + power_to_db(ref=1, top_db=80): 22.05 kHz, 2048/512, 128 Slaney mels.</summary>
    public static MelOptions Librosa { get; } = new();

    /// <summary>torchaudio.transforms.MelSpectrogram + AmplitudeToDB(top_db=None): 16 kHz, 400/200, 80 HTK mels.</summary>
    public static MelOptions Torchaudio { get; } = new()
    {
        SampleRate = 16000,
        NFft = 400,
        HopLength = 200,
        NMels = 80,
        Scale = MelScale.Htk,
        Norm = FilterNorm.None,
        PadMode = PadMode.Reflect,
        TopDb = null,
    };

    public static IReadOnlyList<string> PresetNames { get; } = ["librosa", "torchaudio"];

    public int SampleRate { get; init; } = 22050;

    public int NFft { get; init; } = 2048;

    public int HopLength { get; init; } = 512;

    /// <summary>Hann window length; null means n_fft.</summary>
    public int? WinLength { get; init; }

    public int NMels { get; init; } = 128;

    public double FMin { get; init; }

    /// <summary>Upper edge of the top filter; null means the Nyquist frequency.</summary>
    public double? FMax { get; init; }

    public MelScale Scale { get; init; } = MelScale.Slaney;

    public FilterNorm Norm { get; init; } = FilterNorm.Slaney;

    public bool Center { get; init; } = true;

    public PadMode PadMode { get; init; } = PadMode.Constant;

    /// <summary>2 for a power spectrogram (dB = 10·log10), 1 for magnitude (dB = 20·log10).</summary>
    public double Power { get; init; } = 2.0;

    /// <summary>False returns mel power instead of decibels.</summary>
    public bool Decibels { get; init; } = true;

    /// <summary>dB reference value (0 dB).</summary>
    public double Reference { get; init; } = 1.0;

    /// <summary>Floor before the logarithm.</summary>
    public double AMin { get; init; } = 1e-10;

    /// <summary>Floor at (max − TopDb) per window; null keeps the full range.</summary>
    public double? TopDb { get; init; } = 80.0;

    public FeatureNormalization Normalization { get; init; } = FeatureNormalization.None;

    public static MelOptions FromPreset(string name) => name.ToLowerInvariant() switch
    {
        "librosa" => Librosa,
        "torchaudio" => Torchaudio,
        _ => throw new ArgumentException($"unknown mel preset '{name}' (known: {string.Join(", ", PresetNames)})", nameof(name)),
    };

    /// <summary>Frames an input of <paramref name="samples"/> samples gives (0 when it is shorter than one frame).</summary>
    public long FrameCount(long samples)
    {
        if (samples <= 0)
        {
            return 0;
        }

        var padded = Center ? samples + (2 * (NFft / 2)) : samples;
        return padded < NFft ? 0 : 1 + ((padded - NFft) / HopLength);
    }

    /// <summary>Problems with these options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var nyquist = SampleRate / 2.0;
        Check(SampleRate is >= 1000 and <= 384_000, "sample rate must be between 1000 and 384000 Hz");
        Check(NFft is >= 16 and <= 65536, "n_fft must be between 16 and 65536");
        Check(HopLength > 0, "hop length must be positive");
        Check(WinLength is null || (WinLength > 0 && WinLength <= NFft), "window length must be between 1 and n_fft");
        Check(NMels is > 0 and <= 1024, "n_mels must be between 1 and 1024");
        Check(FMin >= 0 && FMin < (FMax ?? nyquist), "fmin must be at least 0 and below fmax");
        Check(FMax is null || FMax <= nyquist, "fmax must not exceed half the sample rate");
        Check(Power is 1.0 or 2.0, "power must be 1 (magnitude) or 2 (power)");
        Check(Reference > 0, "the dB reference must be positive");
        Check(AMin > 0, "amin must be positive");
        Check(TopDb is null || TopDb > 0, "top_db must be positive when set");
        return errors;

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }
    }
}
