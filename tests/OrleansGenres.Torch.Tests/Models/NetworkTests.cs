using OrleansGenres.Torch.Models;
using OrleansGenres.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace OrleansGenres.Torch.Tests.Models;

/// <summary>
/// The networks on TorchSharp: the same parameter counts as the native bridge's (same layers), deterministic initial
/// weights per seed, and each one learns held-out items well above chance in a few CPU seconds.
/// </summary>
public sealed class NetworkTests
{
    [Fact]
    public void Cnn_parameter_count_matches_its_layers()
    {
        // convs 9·(1·32 + 32·64 + 64·128) = 92,448; batch norms 2·(32+64+128) = 448;
        // fc 128·128+128 = 16,512; output 128·10+10 = 1,290.
        Assert.Equal(92_448 + 448 + 16_512 + 1_290, Count(new NetworkOptions { Classes = 10 }));
    }

    [Fact]
    public void Cbam_adds_channel_mlps_and_spatial_convolutions()
    {
        // Per block: C·C/8 + C/8 + C/8·C + C (channel MLP) + 2·7·7 (spatial conv): 390 + 1,194 + 4,338.
        Assert.Equal(110_698 + 390 + 1_194 + 4_338, Count(new NetworkOptions { Classes = 10, Attention = true }));
    }

    [Fact]
    public void ResNet18_has_the_standard_count_for_one_input_channel()
    {
        // torchvision resnet18: 11,689,512 with a 3-channel stem and 1000 classes; one-channel stem −6,272; 10 classes.
        Assert.Equal(11_689_512 - 6_272 - 513_000 + 5_130, Count(new NetworkOptions { Architecture = NetworkArchitecture.ResNet18, Classes = 10 }));
    }

    [Fact]
    public void Res_transformer_has_the_count_of_the_shipped_default_model()
    {
        // The default model (models/default/model.json) is this network at 80 mels: 129,968 parameters.
        var card = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "models", "default", "model.json"))).RootElement;
        var options = new NetworkOptions
        {
            Architecture = NetworkArchitecture.ResTransformer,
            Classes = card.GetProperty("labels").GetArrayLength(),
            NMels = card.GetProperty("frontEnd").GetProperty("mel").GetProperty("nMels").GetInt32(),
        };
        Assert.Equal(card.GetProperty("parameterCount").GetInt64(), Count(options));
    }

    [Fact]
    public void Temporal_cnn_parameter_count_matches_its_layers()
    {
        // input norm 2·128; convs 128·128·5 + 2·128·128·3 + 128·256·3 = 278,528 and their norms 2·(3·128 + 256) = 1,280;
        // hidden (mean ‖ max = 512)·128 + 128 = 65,664; output 128·10 + 10 = 1,290.
        Assert.Equal(256 + 278_528 + 1_280 + 65_664 + 1_290, Count(new NetworkOptions { Architecture = NetworkArchitecture.TemporalCnn, Classes = 10, NMels = 128 }));
    }

    [Fact]
    public void The_same_seed_builds_the_same_weights_and_another_seed_others()
    {
        var options = new NetworkOptions { Architecture = NetworkArchitecture.ResTransformer, Classes = 3, NMels = 32, Seed = 5 };
        using var first = Networks.Create(options);
        using var again = Networks.Create(options);
        using var other = Networks.Create(options with { Seed = 6 });
        var a = first.Module.parameters().Select(p => p.data<float>().ToArray()).ToList();
        Assert.Equal(a, again.Module.parameters().Select(p => p.data<float>().ToArray()));
        Assert.NotEqual(a, other.Module.parameters().Select(p => p.data<float>().ToArray()));
    }

    [Theory]
    [InlineData(NetworkArchitecture.Cnn, false)]
    [InlineData(NetworkArchitecture.Cnn, true)]
    [InlineData(NetworkArchitecture.ResTransformer, false)]
    [InlineData(NetworkArchitecture.TemporalCnn, false)]
    public void Every_network_learns_held_out_items_well_above_chance(NetworkArchitecture architecture, bool attention)
    {
        const int classes = 4, nMels = 32, frames = 24, batch = 16;
        using var network = Networks.Create(new NetworkOptions { Architecture = architecture, Classes = classes, NMels = nMels, Attention = attention, Dropout = 0.1, Seed = 1 });
        using var trainer = new NetworkTrainer(network, new TrainerSettings { LearningRate = 3e-3, Seed = 1 });
        using var data = NewDisposeScope();
        var (train, trainLabels) = Synthetic(192, classes, nMels, frames, seed: 1);
        var (test, testLabels) = Synthetic(64, classes, nMels, frames, seed: 2);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            for (long start = 0; start < trainLabels.shape[0]; start += batch)
            {
                using var step = NewDisposeScope();
                trainer.Step(train.narrow(0, start, batch), trainLabels.narrow(0, start, batch));
            }
        }

        float accuracy = 0;
        trainer.Evaluate(test, testLabels, logits => accuracy = logits.argmax(1).eq(testLabels).to_type(float32).mean().item<float>());
        Assert.True(accuracy >= 0.9, $"held-out accuracy {accuracy:P0} (chance 25 %)");
    }

    [Fact]
    public void Bad_options_and_inputs_are_refused_with_the_reason()
    {
        var invalid = Assert.Throws<ArgumentException>(() => Networks.Create(new NetworkOptions { Classes = 0, Architecture = NetworkArchitecture.ResNet18, Attention = true }));
        Assert.Contains("classes", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("attention", invalid.Message, StringComparison.Ordinal);
        using var network = Networks.Create(new NetworkOptions { Architecture = NetworkArchitecture.ResTransformer, Classes = 2, NMels = 80 });
        using var wrongBands = zeros(1, 1, 64, 10);
        Assert.Contains("mel bands", Assert.Throws<ArgumentException>(() => network.Forward(wrongBands)).Message, StringComparison.Ordinal);
    }

    private static long Count(NetworkOptions options)
    {
        using var network = Networks.Create(options);
        return network.ParameterCount;
    }

    /// <summary>Class k is a loud band at its own mel rows over noise (as the native engine's tests make them).</summary>
    internal static (Tensor Inputs, Tensor Labels) Synthetic(int count, int classes, int nMels, int frames, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[count * nMels * frames];
        var labels = new long[count];
        var band = nMels / classes;
        for (var i = 0; i < count; i++)
        {
            var label = random.Next(classes);
            labels[i] = label;
            for (var m = 0; m < nMels; m++)
            {
                for (var f = 0; f < frames; f++)
                {
                    inputs[(((i * nMels) + m) * frames) + f] = (float)(random.NextDouble() - 0.5 + (m / band == label ? 1.5 : 0));
                }
            }
        }

        return (tensor(inputs, [count, 1, nMels, frames]), tensor(labels));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansGenres.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root (OrleansGenres.sln) is not above the test binaries");
    }
}
