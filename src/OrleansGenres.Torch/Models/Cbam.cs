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

/// <summary>Average- and max-pooled channel descriptors through one shared bottleneck MLP; a sigmoid mask per channel.</summary>
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
        var maximum = mlp.call(input.flatten(2).amax([2]));
        return input * sigmoid(average + maximum).unsqueeze(-1).unsqueeze(-1);
    }
}

/// <summary>Channel-wise mean and max maps, one 7×7 convolution, a sigmoid mask over time-frequency.</summary>
public sealed class SpatialAttention : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;

    public SpatialAttention(long kernelSize = 7) : base(nameof(SpatialAttention))
    {
        conv = Conv2d(2, 1, kernelSize, padding: kernelSize / 2, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var descriptors = cat([input.mean([1], keepdim: true), input.amax([1], keepdim: true)], 1);
        return input * sigmoid(conv.call(descriptors));
    }
}
