using OrleansGenres.Ml.Models;

namespace OrleansGenres.Ml.Experiments;

/// <summary>The network of an experiment; the class count and input height come from the data and front end.</summary>
public sealed record ModelSettings
{
    public ModelArchitecture Architecture { get; init; } = ModelArchitecture.Cnn;

    public bool Attention { get; init; }

    public double Dropout { get; init; } = 0.3;

    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;
}
