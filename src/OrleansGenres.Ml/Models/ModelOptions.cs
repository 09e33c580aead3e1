namespace OrleansGenres.Ml.Models;

/// <summary>What to build: architecture, class count, input height, attention, dropout, device, init seed.</summary>
public sealed record ModelOptions
{
    public ModelArchitecture Architecture { get; init; } = ModelArchitecture.Cnn;

    public int Classes { get; init; }

    public int NMels { get; init; } = 128;

    /// <summary>CNN only: CBAM channel + spatial attention after each block.</summary>
    public bool Attention { get; init; }

    public double Dropout { get; init; } = 0.3;

    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    public long Seed { get; init; } = 1;
}
