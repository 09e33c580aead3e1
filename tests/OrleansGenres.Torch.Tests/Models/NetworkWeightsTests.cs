using System.IO.Compression;
using OrleansGenres.Torch.Models;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Models;

/// <summary>State-dict files: the same weights give the same bytes, they load back exactly, and a wrong file is a clear error.</summary>
public sealed class NetworkWeightsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genres-weights-").FullName;

    [Fact]
    public void The_same_weights_give_the_same_bytes_whenever_they_are_saved()
    {
        using var network = Networks.Create(new NetworkOptions { Classes = 3, NMels = 16, Seed = 5 });
        var first = Path.Combine(_folder, "first.pt");
        var second = Path.Combine(_folder, "second.pt");

        NetworkWeights.Save(network, first);
        NetworkWeights.Save(network, second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        // Zip entries carry no save time (PyBridge stamps "now"; a later save would differ without the reset).
        using var archive = ZipFile.OpenRead(first);
        Assert.All(archive.Entries, entry => Assert.Equal(1980, entry.LastWriteTime.Year));
    }

    [Fact]
    public void Saved_weights_load_into_a_network_built_from_another_seed()
    {
        using var trained = Networks.Create(new NetworkOptions { Classes = 3, NMels = 16, Seed = 5 });
        using var other = Networks.Create(new NetworkOptions { Classes = 3, NMels = 16, Seed = 6 });
        var path = Path.Combine(_folder, "weights.pt");
        NetworkWeights.Save(trained, path);

        NetworkWeights.Load(other, path);

        using var input = randn(2, 1, 16, 20, generator: new Generator(1));
        trained.Module.eval();
        other.Module.eval();
        using var noGrad = no_grad();
        Assert.True(trained.Forward(input).eq(other.Forward(input)).all().item<bool>());
    }

    [Fact]
    public void A_file_that_is_not_a_fitting_state_dict_is_an_invalid_data_error_naming_it()
    {
        using var network = Networks.Create(new NetworkOptions { Classes = 3, NMels = 16 });
        using var bigger = Networks.Create(new NetworkOptions { Classes = 4, NMels = 16 });
        var garbage = Path.Combine(_folder, "garbage.pt");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8]);
        var misfit = Path.Combine(_folder, "misfit.pt");
        NetworkWeights.Save(bigger, misfit);

        var notZip = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, garbage));
        var wrongShape = Assert.ThrowsAny<Exception>(() => NetworkWeights.Load(network, misfit));

        Assert.Contains("garbage.pt", notZip.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(wrongShape);
        Assert.Contains("misfit.pt", wrongShape.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
