using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// A compact ResNet+Transformer (~125k parameters at 80 mels): residual conv blocks summarise local time-frequency
/// patterns, the frequency axis is folded into features so time becomes a sequence, sinusoidal positions and a learned
/// CLS token go in, one Transformer encoder layer mixes the whole window, and the CLS output goes through LayerNorm →
/// SwiGLU → dropout → linear.
/// </summary>
public sealed class ResTransformer : Module<Tensor, Tensor>
{
    private readonly long _nMels;
    private readonly long _dModel;
    private readonly Sequential convs;
    private readonly Linear to_sequence;
    private readonly Parameter cls_token;
    private readonly EncoderLayer encoder;
    private readonly LayerNorm norm;
    private readonly SwiGlu head;
    private readonly SeededDropout dropout;
    private readonly Linear output;

    public ResTransformer(NetworkOptions options, Generator generator, IReadOnlyList<long>? channels = null, long dModel = 64, long heads = 4, long feedforward = 256, long headHidden = 96)
        : base(nameof(ResTransformer))
    {
        ArgumentNullException.ThrowIfNull(options);
        var widths = channels ?? [16, 24, 40]; // stem, then one stride-2 residual block per entry
        if (dModel % heads != 0)
        {
            throw new ArgumentException("d_model must be divisible by heads", nameof(heads));
        }

        (_nMels, _dModel) = (options.NMels, dModel);
        var layers = new List<Module<Tensor, Tensor>> { Conv2d(1, widths[0], 3, padding: 1, bias: false), BatchNorm2d(widths[0]), ReLU() };
        long input = widths[0];
        var mels = options.NMels;
        foreach (var width in widths)
        {
            layers.Add(new BasicBlock(input, width, 2));
            input = width;
            mels = (mels + 1) / 2; // stride 2, padding 1, kernel 3
        }

        convs = Sequential(layers);
        to_sequence = Linear(input * mels, dModel);
        cls_token = Parameter(randn(1, 1, dModel) * 0.02);
        encoder = new EncoderLayer(dModel, heads, feedforward, options.Dropout, generator);
        norm = LayerNorm(dModel);
        head = new SwiGlu(dModel, headHidden);
        dropout = new SeededDropout(options.Dropout, channelWise: false, generator);
        output = Linear(headHidden, options.Classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        if (input.shape[2] != _nMels)
        {
            throw new ArgumentException($"res-transformer: input has {input.shape[2]} mel bands, the model {_nMels}", nameof(input));
        }

        var x = convs.call(input);                          // [B, C, M', T']
        x = to_sequence.call(x.permute(0, 3, 1, 2).flatten(2)); // [B, T', d]
        x = x + SinusoidalPositions(x.shape[1], _dModel, x.dtype, x.device);
        x = cat([cls_token.expand(x.shape[0], 1, _dModel), x], 1); // CLS first
        x = encoder.call(x.transpose(0, 1));                  // [S, B, d]
        return output.call(dropout.call(head.call(norm.call(x[0]))));
    }

    private static Tensor SinusoidalPositions(long length, long dim, ScalarType type, Device device)
    {
        var position = arange(length, type, device).unsqueeze(1);
        var frequencies = exp(arange(0, dim, 2, type, device) * (-Math.Log(10000.0) / dim));
        var encoding = zeros(length, dim, type, device);
        encoding[TensorIndex.Colon, TensorIndex.Slice(0, dim, 2)] = sin(position * frequencies);
        encoding[TensorIndex.Colon, TensorIndex.Slice(1, dim, 2)] = cos(position * frequencies[TensorIndex.Slice(0, dim / 2)]);
        return encoding;
    }
}

/// <summary>SwiGLU (Shazeer, 2020): silu(x W) ⊙ (x V), both halves in one matrix.</summary>
public sealed class SwiGlu : Module<Tensor, Tensor>
{
    private readonly Linear projection;

    public SwiGlu(long input, long hidden) : base(nameof(SwiGlu))
    {
        projection = Linear(input, 2 * hidden);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var halves = projection.call(input).chunk(2, -1);
        return functional.silu(halves[0]) * halves[1];
    }
}

/// <summary>
/// A post-norm Transformer encoder layer (as torch.nn.TransformerEncoderLayer, same parameters) whose dropouts draw from
/// the network's generator; attention-weight dropout is off (torch applies it with the process-wide generator).
/// Input <c>[sequence, batch, d_model]</c>.
/// </summary>
public sealed class EncoderLayer : Module<Tensor, Tensor>
{
    private readonly MultiheadAttention attention;
    private readonly Linear linear1;
    private readonly Linear linear2;
    private readonly LayerNorm norm1;
    private readonly LayerNorm norm2;
    private readonly SeededDropout dropout;

    public EncoderLayer(long dModel, long heads, long feedforward, double dropoutRate, Generator generator) : base(nameof(EncoderLayer))
    {
        attention = MultiheadAttention(dModel, heads, dropout: 0.0);
        linear1 = Linear(dModel, feedforward);
        linear2 = Linear(feedforward, dModel);
        norm1 = LayerNorm(dModel);
        norm2 = LayerNorm(dModel);
        dropout = new SeededDropout(dropoutRate, channelWise: false, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var (attended, _) = attention.call(input, input, input, null, false, null);
        var y = norm1.call(input + dropout.call(attended));
        var fed = linear2.call(dropout.call(functional.relu(linear1.call(y))));
        return norm2.call(y + dropout.call(fed));
    }
}
