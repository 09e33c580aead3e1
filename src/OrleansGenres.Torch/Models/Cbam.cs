using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace OrleansGenres.Torch.Models;

/// <summary>CBAM (Woo et al., 2018): channel attention, then spatial attention, each a learned multiplicative mask.</summary>
public sealed class Cbam : Module<Tensor, Tensor>
{
    private readonly ChannelAttention channel;
    private readonly SpatialAttention spatial;

    public Cbam(long channels, long reduction) : base(nameof(Cbam))
    {
        channel = new ChannelAttention(channels, reduction);
        spatial = new SpatialAttention();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => spatial.call(channel.call(input));
}

/// <summary>
/// Average- and max-pooled channel descriptors through one shared bottleneck MLP; a sigmoid mask per channel. The max is
/// taken with its indices (PyTorch's <c>max(dim)</c>), whose backward is one scatter; <c>amax</c>'s backward compares,
/// counts and divides over the whole input, which made CBAM twice as slow.
/// </summary>
public sealed class ChannelAttention : Module<Tensor, Tensor>
{
    private readonly Sequential mlp;

    public ChannelAttention(long channels, long reduction) : base(nameof(ChannelAttention))
    {
        var hidden = Math.Max(1, channels / reduction);
        mlp = Sequential(Linear(channels, hidden), ReLU(), Linear(hidden, channels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var average = mlp.call(input.mean([2, 3]));
        var maximum = mlp.call(input.flatten(2).max(2).values);
        return input * sigmoid(average + maximum).unsqueeze(-1).unsqueeze(-1);
    }
}

/// <summary>
/// Channel-wise mean and max maps, one 7×7 convolution, a sigmoid mask over time-frequency. On the CPU the 2 → 1
/// convolution runs as 2 → 8 whose seven extra outputs have zero weights and are dropped: the same output and gradients,
/// at no measurable cost, while oneDNN's AVX2 backward-data kernel returns NaN input gradients below 8 output channels
/// (TorchEnvironment).
/// </summary>
public sealed class SpatialAttention : Module<Tensor, Tensor>
{
    private const long SafeOutputChannels = 8;

    private readonly Conv2d conv;
    private readonly long padding;

    public SpatialAttention(long kernelSize = 7) : base(nameof(SpatialAttention))
    {
        padding = kernelSize / 2;
        conv = Conv2d(2, 1, kernelSize, padding: padding, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var descriptors = cat([input.mean([1], keepdim: true), input.max(1, keepdim: true).values], 1);
        return input * sigmoid(Convolve(descriptors));
    }

    private Tensor Convolve(Tensor descriptors)
    {
        if (descriptors.device_type != DeviceType.CPU)
        {
            return conv.call(descriptors);
        }

        var weight = conv.weight!;
        var unused = zeros([SafeOutputChannels - 1, weight.shape[1], weight.shape[2], weight.shape[3]], weight.dtype, weight.device);
        return functional.conv2d(descriptors, cat([weight, unused], 0), padding: [padding, padding]).narrow(1, 0, 1);
    }
}
