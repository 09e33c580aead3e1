using OrleansGenres.Torch;
using OrleansGenres.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansGenres.Ml.Models;

/// <summary>
/// A network at the service's boundary: one of ours built from <see cref="NetworkOptions"/> (a PyTorch state dict on
/// disk), or a TorchScript module exported from PyTorch ("bring your own model"); either predicts logits for batches of
/// log-mel windows held in plain float buffers, so no tensor leaves this class. Call it from one thread at a time (a
/// <see cref="TorchThread"/>): training and evaluation switch the module's mode.
/// </summary>
public sealed class TaggingModel : IDisposable
{
    private readonly ScriptedNetwork? _script;

    private TaggingModel(NetworkOptions options, Network? network, ScriptedNetwork? script)
    {
        Options = options;
        Network = network;
        _script = script;
    }

    /// <summary>Classes and mel bands always; the rest describes our network (a TorchScript module has its own).</summary>
    public NetworkOptions Options { get; }

    /// <summary>Our TorchSharp network (for the trainer in this assembly); null for a TorchScript module.</summary>
    internal Network? Network { get; }

    public bool IsTorchScript => _script is not null;

    public static TaggingModel Create(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Classes, 1);
        return new TaggingModel(options, Networks.Create(options), null);
    }

    /// <summary>
    /// A TorchScript module saved by PyTorch (<c>torch.jit.save</c>), run on the CPU; <paramref name="options"/> gives its
    /// class count and mel bands. <see cref="InvalidDataException"/> when the file is not a TorchScript module.
    /// </summary>
    public static TaggingModel LoadTorchScript(string path, NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Classes, 1);
        return new TaggingModel(options with { Device = DeviceChoice.Cpu }, null, ScriptedNetwork.Load(path));
    }

    public long ParameterCount => Network?.ParameterCount ?? _script!.ParameterCount;

    public bool IsCuda => Network?.Device.type == DeviceType.CUDA;

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
        var input = ToBatch(inputs, batch, frames);
        Tensor output;
        if (Network is { } network)
        {
            network.Module.eval();
            output = network.Forward(input.to(network.Device));
        }
        else
        {
            output = _script!.Forward(input);
            if (output.dim() != 2 || output.shape[0] != batch || output.shape[1] != Options.Classes)
            {
                throw new InvalidDataException(
                    $"the TorchScript module returned shape [{string.Join(", ", output.shape)}] for {batch} windows; [{batch}, {Options.Classes}] (one logit per label) is needed");
            }
        }

        output.cpu().to_type(float32).contiguous().data<float>().CopyTo(logits);
    }

    public float[] Predict(ReadOnlySpan<float> inputs, int batch, int frames)
    {
        var logits = new float[batch * Options.Classes];
        Predict(inputs, batch, frames, logits);
        return logits;
    }

    /// <summary>Writes the weights: a state dict for our network, the module itself for a TorchScript model.</summary>
    public void Save(string path)
    {
        if (Network is { } network)
        {
            NetworkWeights.Save(network, path);
        }
        else
        {
            _script!.Save(path);
        }
    }

    /// <summary>Loads a state dict saved by <see cref="Save"/> or by PyTorch; <see cref="InvalidDataException"/> when it does not fit.</summary>
    public void Load(string path) => NetworkWeights.Load(Network ?? throw new InvalidOperationException("a TorchScript model is loaded whole (LoadTorchScript), not as a state dict"), path);

    public void Dispose()
    {
        Network?.Dispose();
        _script?.Dispose();
    }

    /// <summary>Windows [batch, NMels, frames] from a float buffer as the network's input [batch, 1, NMels, frames] (in the caller's dispose scope).</summary>
    internal Tensor ToBatch(ReadOnlySpan<float> inputs, int batch, int frames) =>
        FloatTensors.FromSpan(inputs, [batch, 1, Options.NMels, frames]);

    internal void CheckShape(int length, int batch, int frames)
    {
        if (batch <= 0 || frames <= 0 || length != (long)batch * Options.NMels * frames)
        {
            throw new ArgumentException($"inputs must be [batch={batch}, n_mels={Options.NMels}, frames={frames}]: {length} floats given");
        }
    }
}
