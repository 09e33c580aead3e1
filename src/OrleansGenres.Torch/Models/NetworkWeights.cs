using System.IO.Compression;
using TorchSharp.PyBridge;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// A network's weights as a PyTorch state dict (<c>torch.save</c>'s format, through TorchSharp.PyBridge): what a model
/// folder's <c>model.pt</c> holds, so PyTorch loads our models with <c>load_state_dict(strict=True)</c> and a state dict
/// trained in PyTorch loads into ours. Parameter and buffer names are the layer names of the network classes.
/// </summary>
public static class NetworkWeights
{
    /// <summary>The time every zip entry carries (the format's earliest), so a file depends on the weights alone.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes the state dict. PyBridge stamps each zip entry with the current time; those stamps are reset, so the same
    /// weights always give the same bytes (the model card's SHA-256 identifies weights, and a resumed run's file equals
    /// an uninterrupted one's).
    /// </summary>
    public static void Save(Network network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        network.Module.save_py(path);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Update);
        foreach (var entry in archive.Entries)
        {
            entry.LastWriteTime = EntryTime;
        }
    }

    /// <summary>
    /// Loads every parameter and buffer (strict: a missing or unexpected name is an error naming it). Whatever PyBridge
    /// throws for a file that is not a fitting state dict (not a zip, an old pickle format, other shapes) becomes one
    /// <see cref="InvalidDataException"/> naming the file; a missing or unreadable file stays what it is.
    /// </summary>
    public static void Load(Network network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        try
        {
            network.Module.load_py(path, strict: true);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} does not fit a {network.Options.Architecture} network: {e.Message}", e);
        }
    }
}
