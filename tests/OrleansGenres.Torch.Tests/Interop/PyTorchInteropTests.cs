using System.Text.Json;
using OrleansGenres.Testing;
using OrleansGenres.Torch.Models;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Interop;

/// <summary>
/// Our networks and PyTorch read each other's files, checked with Debian's python3-torch (1.13, /usr/bin/python3, which
/// <c>./build.sh test</c> installs): a state dict we save is read by PyTorch with every tensor intact, one PyTorch
/// saves loads into our network, and a module traced in PyTorch tags like it did there.
/// </summary>
public sealed class PyTorchInteropTests : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly TempDirectory _files = new("torch-interop");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task State_dicts_go_both_ways_between_our_networks_and_pytorch()
    {
        using var network = Networks.Create(new NetworkOptions { Architecture = NetworkArchitecture.Cnn, Attention = true, Classes = 3, NMels = 32, Seed = 3 });
        var ours = Path.Combine(_files.Path, "ours.pt");
        var summary = Path.Combine(_files.Path, "summary.json");
        var theirs = Path.Combine(_files.Path, "theirs.pt");
        NetworkWeights.Save(network, ours);

        await RunPythonAsync("state_dict_roundtrip.py", ours, summary, theirs);

        // PyTorch read every parameter and buffer, with our names, shapes and values.
        var read = JsonDocument.Parse(await File.ReadAllTextAsync(summary)).RootElement;
        var expected = network.Module.state_dict();
        Assert.Equal(expected.Keys.Order(), read.EnumerateObject().Select(p => p.Name).Order());
        foreach (var (name, tensor) in expected)
        {
            var entry = read.GetProperty(name);
            Assert.Equal(tensor.shape, entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
            Assert.Equal(tensor.to_type(float64).sum().item<double>(), entry.GetProperty("sum").GetDouble(), 4);
        }

        // What PyTorch saved (every floating tensor doubled) loads into a fresh network of ours.
        using var other = Networks.Create(new NetworkOptions { Architecture = NetworkArchitecture.Cnn, Attention = true, Classes = 3, NMels = 32, Seed = 4 });
        NetworkWeights.Load(other, theirs);
        foreach (var (name, tensor) in other.Module.state_dict().Where(p => p.Value.is_floating_point()))
        {
            Assert.True(tensor.allclose(expected[name] * 2), name);
        }

        // A state dict of another architecture is refused with the reason.
        using var wrong = Networks.Create(new NetworkOptions { Architecture = NetworkArchitecture.TemporalCnn, Classes = 3, NMels = 32 });
        Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(wrong, theirs));
    }

    [Fact]
    public async Task A_module_traced_in_pytorch_tags_here_as_it_did_there()
    {
        var module = Path.Combine(_files.Path, "traced.pt");
        var expectedFile = Path.Combine(_files.Path, "expected.json");
        await RunPythonAsync("traced_module.py", module, expectedFile);
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(expectedFile)).RootElement;

        using var scripted = ScriptedNetwork.Load(module);
        using var scope = NewDisposeScope();
        var input = tensor(expected.GetProperty("input").EnumerateArray().Select(v => v.GetSingle()).ToArray())
            .view(expected.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray());
        var output = scripted.Forward(input).data<float>().ToArray();

        var want = expected.GetProperty("output").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        Assert.Equal(want.Length, output.Length);
        Assert.InRange(want.Zip(output, (a, b) => Math.Abs(a - b)).Max(), 0, 1e-5);

        var notAModule = Path.Combine(_files.Path, "not-a-module.pt");
        await File.WriteAllTextAsync(notAModule, "just text");
        Assert.Throws<InvalidDataException>(() => ScriptedNetwork.Load(notAModule));
    }

    private static async Task RunPythonAsync(string script, params string[] arguments)
    {
        Assert.True(File.Exists(Python), $"{Python} with python3-torch is needed (./build.sh test installs it)");
        var (exitCode, output) = await ProcessRunner.RunAsync(Python, [Path.Combine(AppContext.BaseDirectory, "Interop", script), .. arguments], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"{script} failed ({exitCode}): {output}");
    }
}
