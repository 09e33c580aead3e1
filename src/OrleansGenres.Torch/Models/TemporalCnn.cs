using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// A temporal CNN (after Dieleman &amp; Schrauwen, 2014, and Pons et al., 2017): the mel bands are the input channels of
/// 1-D convolutions over time, so every filter sees the whole spectrum at once; mean and max pooling over all of time
/// summarise a window of any length. Cheap enough that 10-20 s windows of a song train quickly on a CPU.
/// </summary>
public sealed class TemporalCnn : Module<Tensor, Tensor>
{
    private readonly BatchNorm1d input_norm; // per-band standardisation, learned
    private readonly Sequential blocks;
    private readonly Linear hidden;
    private readonly SeededDropout dropout;
    private readonly Linear output;

    public TemporalCnn(NetworkOptions options, Generator generator, long width = 128, IReadOnlyList<long>? kernels = null, IReadOnlyList<long>? pools = null)
        : base(nameof(TemporalCnn))
    {
        ArgumentNullException.ThrowIfNull(options);
        var kernelSizes = kernels ?? [5, 3, 3, 3]; // one block per entry
        var poolSizes = pools ?? [4, 2, 2, 1];     // max pooling over time after each block (1 = none)
        if (kernelSizes.Count != poolSizes.Count)
        {
            throw new ArgumentException("temporal CNN: one pool per kernel", nameof(pools));
        }

        input_norm = BatchNorm1d(options.NMels);
        var layers = new List<Module<Tensor, Tensor>>();
        long input = options.NMels;
        for (var i = 0; i < kernelSizes.Count; i++)
        {
            var channels = i == kernelSizes.Count - 1 ? 2 * width : width;
            layers.Add(Conv1d(input, channels, kernelSizes[i], padding: kernelSizes[i] / 2, bias: false));
            layers.Add(BatchNorm1d(channels));
            layers.Add(ReLU());
            if (poolSizes[i] > 1)
            {
                // ceil_mode: a window shorter than the pooling still leaves one frame.
                layers.Add(MaxPool1d(poolSizes[i], ceil_mode: true));
            }

            input = channels;
        }

        blocks = Sequential(layers);
        hidden = Linear(2 * input, width); // mean ‖ max
        dropout = new SeededDropout(options.Dropout, channelWise: false, generator);
        output = Linear(width, options.Classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = blocks.call(input_norm.call(input.squeeze(1))); // [batch, channels, time]
        x = cat([x.mean([2]), x.amax([2])], 1);
        return output.call(dropout.call(functional.relu(hidden.call(x))));
    }
}
