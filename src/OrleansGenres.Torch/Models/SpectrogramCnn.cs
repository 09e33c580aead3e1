using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// The spectrogram CNN: three Conv→BatchNorm→ReLU→MaxPool→Dropout2d blocks (32/64/128 channels), optional CBAM after
/// each, global average pooling, two fully connected layers. Input <c>[batch, 1, n_mels, frames]</c>, one logit per class.
/// </summary>
public sealed class SpectrogramCnn : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Linear hidden;
    private readonly SeededDropout dropout;
    private readonly Linear output;

    public SpectrogramCnn(NetworkOptions options, Generator generator, IReadOnlyList<long>? channels = null, long hiddenUnits = 128, double convDropout = 0.1)
        : base(nameof(SpectrogramCnn))
    {
        ArgumentNullException.ThrowIfNull(options);
        var layers = new List<Module<Tensor, Tensor>>();
        long input = 1;
        foreach (var width in channels ?? [32, 64, 128])
        {
            layers.Add(Conv2d(input, width, 3, padding: 1, bias: false));
            layers.Add(BatchNorm2d(width));
            layers.Add(ReLU());
            layers.Add(MaxPool2d(2));
            layers.Add(new SeededDropout(convDropout, channelWise: true, generator));
            if (options.Attention)
            {
                layers.Add(new Cbam(width, reduction: 8));
            }

            input = width;
        }

        features = Sequential(layers);
        hidden = Linear(input, hiddenUnits);
        dropout = new SeededDropout(options.Dropout, channelWise: false, generator);
        output = Linear(hiddenUnits, options.Classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var pooled = features.call(input).mean([2, 3]); // global average pooling
        return output.call(dropout.call(functional.relu(hidden.call(pooled))));
    }
}
