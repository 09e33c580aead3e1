using OrleansGenres.Ml.Models;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Ml.Experiments;

/// <summary>The network of an experiment; the class count and input height come from the data and front end.</summary>
public sealed record ModelSettings
{
    public NetworkArchitecture Architecture { get; init; } = NetworkArchitecture.Cnn;

    public bool Attention { get; init; }

    public double Dropout { get; init; } = 0.3;

    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;
}
