using static TorchSharp.torch;

namespace OrleansGenres.Torch.Models;

/// <summary>
/// "Bring your own model": a TorchScript module traced or scripted in PyTorch (<c>torch.jit.save</c>), loaded with
/// <c>torch.jit.load</c> and called like our networks: <c>[batch, 1, n_mels, frames]</c> in, one logit per class out.
/// TorchSharp cannot trace a C# module, so this direction only.
/// </summary>
public sealed class ScriptedNetwork : IDisposable
{
    private readonly jit.ScriptModule<Tensor, Tensor> _module;

    private ScriptedNetwork(jit.ScriptModule<Tensor, Tensor> module) => _module = module;

    public static ScriptedNetwork Load(string path)
    {
        TorchEnvironment.Configure();
        try
        {
            var module = jit.load<Tensor, Tensor>(path);
            module.eval();
            return new ScriptedNetwork(module);
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a TorchScript module: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>The module's parameters (what model cards report).</summary>
    public long ParameterCount => _module.parameters().Sum(p => p.numel());

    /// <summary>Writes the module as <c>torch.jit.save</c> does (PyTorch loads it back with <c>torch.jit.load</c>).</summary>
    public void Save(string path) => jit.save(_module, path);

    public Tensor Forward(Tensor input)
    {
        using var noGrad = no_grad();
        return _module.call(input);
    }

    public void Dispose() => _module.Dispose();

    private static string FirstLine(string message) => message.Split('\n', 2)[0];
}
