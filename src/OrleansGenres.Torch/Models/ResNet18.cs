using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace OrleansGenres.Torch.Models;

/// <summary>ResNet-18 (He et al., 2016) with a one-channel stem for spectrograms.</summary>
public sealed class ResNet18 : Module<Tensor, Tensor>
{
    private readonly Sequential stem;
    private readonly Sequential layers;
    private readonly SeededDropout dropout;
    private readonly Linear output;

    public ResNet18(NetworkOptions options, Generator generator) : base(nameof(ResNet18))
    {
        ArgumentNullException.ThrowIfNull(options);
        stem = Sequential(Conv2d(1, 64, 7, stride: 2, padding: 3, bias: false), BatchNorm2d(64), ReLU(), MaxPool2d(3, stride: 2, padding: 1));
        var blocks = new List<Module<Tensor, Tensor>>();
        long input = 64;
        foreach (var width in new long[] { 64, 128, 256, 512 })
        {
            blocks.Add(new BasicBlock(input, width, width == 64 ? 1 : 2));
            blocks.Add(new BasicBlock(width, width, 1));
            input = width;
        }

        layers = Sequential(blocks);
        dropout = new SeededDropout(options.Dropout, channelWise: false, generator);
        output = Linear(512, options.Classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var pooled = layers.call(stem.call(input)).mean([2, 3]);
        return output.call(dropout.call(pooled));
    }
}
