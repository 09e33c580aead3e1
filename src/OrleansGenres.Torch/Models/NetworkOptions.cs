namespace OrleansGenres.Torch.Models;

/// <summary>The networks this engine builds.</summary>
public enum NetworkArchitecture
{
    /// <summary>The spectrogram CNN (optionally with CBAM attention).</summary>
    Cnn,

    ResNet18,

    /// <summary>The ~125k-parameter ResNet+Transformer.</summary>
    ResTransformer,

    TemporalCnn,
}

/// <summary>
/// What a network is built from: architecture, class count, mel bands (the ResNet+Transformer and temporal CNN size
/// layers by them), CBAM for the CNN, dropout, and the seed of its initial weights and dropout masks.
/// </summary>
public sealed record NetworkOptions
{
    public NetworkArchitecture Architecture { get; init; } = NetworkArchitecture.Cnn;

    public int Classes { get; init; } = 10;

    public int NMels { get; init; } = 128;

    public bool Attention { get; init; }

    public double Dropout { get; init; } = 0.3;

    public long Seed { get; init; } = 42;

    /// <summary>Where the network runs (<see cref="Devices.Resolve"/>): cpu, cuda, or auto.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Cpu;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Classes < 1)
        {
            errors.Add("classes must be at least 1");
        }

        if (NMels < 8)
        {
            errors.Add("n_mels must be at least 8");
        }

        if (Dropout is < 0 or >= 1)
        {
            errors.Add("dropout must be in [0, 1)");
        }

        if (Attention && Architecture != NetworkArchitecture.Cnn)
        {
            errors.Add("attention (CBAM) belongs to the cnn architecture");
        }

        return errors;
    }
}
