using TorchSharp.PyBridge;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// A network's weights as a PyTorch state dict (<c>torch.save</c>'s format, through TorchSharp.PyBridge): what a model
/// folder's <c>model.pt</c> holds, so PyTorch loads our models with <c>load_state_dict(strict=True)</c> and a state dict
/// trained in PyTorch loads into ours. Parameter and buffer names are the layer names of the network classes.
/// </summary>
public static class NetworkWeights
{
    public static void Save(Network network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.Module.save_py(path);
    }

    /// <summary>Loads every parameter and buffer (strict: a missing or unexpected name is an error naming it).</summary>
    public static void Load(Network network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        try
        {
            network.Module.load_py(path, strict: true);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} does not fit a {network.Options.Architecture} network: {e.Message}", e);
        }
    }
}
