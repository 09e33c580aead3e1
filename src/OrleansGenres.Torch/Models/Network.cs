using static TorchSharp.torch;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// A built network with what belongs to it: its options and the generator its dropout draws from (saved and restored
/// with checkpoints, so a resumed run drops the same units). Input <c>[batch, 1, n_mels, frames]</c>, one logit per class.
/// </summary>
public sealed class Network(NetworkOptions options, nn.Module<Tensor, Tensor> module, Generator dropoutGenerator, Device device) : IDisposable
{
    public NetworkOptions Options { get; } = options;

    /// <summary>Where the network's weights live: batches go there before <see cref="Forward"/>.</summary>
    public Device Device { get; } = device;

    public nn.Module<Tensor, Tensor> Module { get; } = module;

    public Generator DropoutGenerator { get; } = dropoutGenerator;

    /// <summary>Trainable parameters (what model cards report).</summary>
    public long ParameterCount => Module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    public Tensor Forward(Tensor input) => Module.call(input);

    public void Dispose()
    {
        Module.Dispose();
        DropoutGenerator.Dispose();
    }
}
