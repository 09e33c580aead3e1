using static TorchSharp.torch;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// Dropout that draws from the network's own generator instead of torch's process-wide one, so a training run's
/// randomness belongs to the run: two models training in one process cannot perturb each other, and a checkpoint can
/// hold the exact state to resume from. <paramref name="channelWise"/> zeroes whole channels (Dropout2d) of
/// <c>[batch, channels, …]</c> inputs instead of single elements. Masks are drawn on the CPU, so CPU and CUDA runs see
/// the same sequence.
/// </summary>
public sealed class SeededDropout(double p, bool channelWise, Generator generator) : nn.Module<Tensor, Tensor>(nameof(SeededDropout))
{
    public override Tensor forward(Tensor input)
    {
        if (!training || p <= 0)
        {
            // A new handle on the same data: Sequential disposes what a layer gives it once the next layer has run.
            return input.alias();
        }

        var shape = input.shape.ToArray();
        if (channelWise)
        {
            for (var i = 2; i < shape.Length; i++)
            {
                shape[i] = 1;
            }
        }

        using var keep = rand(shape, generator: generator, dtype: float32).ge(p);
        return input * keep.to(input.device).to_type(input.dtype) / (1 - p);
    }
}
