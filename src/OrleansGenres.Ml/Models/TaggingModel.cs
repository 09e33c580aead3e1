using OrleansGenres.Torch;
using OrleansGenres.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansGenres.Ml.Models;

/// <summary>
/// A network at the service's boundary: built from <see cref="NetworkOptions"/>, predicting logits for batches of
/// log-mel windows held in plain float buffers (no tensor leaves this class), saved and loaded as a PyTorch state dict.
/// Call it from one thread at a time (a <see cref="TorchThread"/>): training and evaluation switch the module's mode.
/// </summary>
public sealed class TaggingModel : IDisposable
{
    private TaggingModel(Network network) => Network = network;

    public NetworkOptions Options => Network.Options;

    /// <summary>The TorchSharp network (for the trainer in this assembly).</summary>
    internal Network Network { get; }

    public static TaggingModel Create(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Classes, 1);
        return new TaggingModel(Networks.Create(options));
    }

    public long ParameterCount => Network.ParameterCount;

    public bool IsCuda => Network.Device.type == DeviceType.CUDA;

    /// <summary>Logits [batch, Classes] for inputs [batch, NMels, frames], in evaluation mode.</summary>
    public void Predict(ReadOnlySpan<float> inputs, int batch, int frames, Span<float> logits)
    {
        CheckShape(inputs.Length, batch, frames);
        if (logits.Length < batch * Options.Classes)
        {
            throw new ArgumentException($"logits hold {logits.Length} floats; {batch * Options.Classes} are needed", nameof(logits));
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Network.Module.eval();
        var output = Network.Forward(ToBatch(inputs, batch, frames).to(Network.Device));
        output.cpu().data<float>().CopyTo(logits);
    }

    public float[] Predict(ReadOnlySpan<float> inputs, int batch, int frames)
    {
        var logits = new float[batch * Options.Classes];
        Predict(inputs, batch, frames, logits);
        return logits;
    }

    public void Save(string path) => NetworkWeights.Save(Network, path);

    /// <summary>Loads a state dict saved by <see cref="Save"/> or by PyTorch; <see cref="InvalidDataException"/> when it does not fit.</summary>
    public void Load(string path) => NetworkWeights.Load(Network, path);

    public void Dispose() => Network.Dispose();

    /// <summary>Windows [batch, NMels, frames] from a float buffer as the network's input [batch, 1, NMels, frames] (in the caller's dispose scope).</summary>
    internal Tensor ToBatch(ReadOnlySpan<float> inputs, int batch, int frames) =>
        tensor(inputs.ToArray(), [batch, 1, Options.NMels, frames], float32);

    internal void CheckShape(int length, int batch, int frames)
    {
        if (batch <= 0 || frames <= 0 || length != (long)batch * Options.NMels * frames)
        {
            throw new ArgumentException($"inputs must be [batch={batch}, n_mels={Options.NMels}, frames={frames}]: {length} floats given");
        }
    }
}
