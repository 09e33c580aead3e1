using TorchSharp;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// Builds a network with deterministic initial weights: torch's global generator is seeded with the options' seed just
/// before the layers are made (under a lock: two networks built at once must not interleave draws), and the network's
/// dropout gets a generator of its own, seeded the same way. Nothing else in the service draws from torch's global
/// generator (augmentation, dropout and splits have their own), so the same seed gives the same initial weights.
/// </summary>
public static class Networks
{
    // Guards torch's process-wide generator during construction; no state of ours.
    private static readonly Lock Construction = new();

    public static Network Create(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid network options: {string.Join("; ", problems)}", nameof(options));
        }

        TorchEnvironment.Configure();
        var device = torch.device(Devices.Resolve(options.Device));
        var generator = new Generator((ulong)options.Seed);
        lock (Construction)
        {
            random.manual_seed(options.Seed);
            nn.Module<Tensor, Tensor> network = options.Architecture switch
            {
                NetworkArchitecture.Cnn => new SpectrogramCnn(options, generator),
                NetworkArchitecture.ResNet18 => new ResNet18(options, generator),
                NetworkArchitecture.ResTransformer => new ResTransformer(options, generator),
                NetworkArchitecture.TemporalCnn => new TemporalCnn(options, generator),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Architecture, "unknown architecture"),
            };
            network.to(device);
            return new Network(options, network, generator, device);
        }
    }
}
