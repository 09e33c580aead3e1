using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace OrleansGenres.Torch.Models;

/// <summary>The ResNet basic block: two 3×3 conv + BN, identity or 1×1 projection shortcut (ResNet-18, ResNet+Transformer).</summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential shortcut;

    public BasicBlock(long input, long output, long stride) : base(nameof(BasicBlock))
    {
        conv1 = Conv2d(input, output, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(output);
        conv2 = Conv2d(output, output, 3, padding: 1, bias: false);
        bn2 = BatchNorm2d(output);
        shortcut = stride != 1 || input != output
            ? Sequential(Conv2d(input, output, 1, stride: stride, bias: false), BatchNorm2d(output))
            : Sequential();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var y = functional.relu(bn1.call(conv1.call(input)));
        y = bn2.call(conv2.call(y));
        return functional.relu(y + (shortcut.Count == 0 ? input : shortcut.call(input)));
    }
}
