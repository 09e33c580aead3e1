using OrleansGenres.Ml.Models;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Ml.Tests.Integration.Models;

public sealed class TaggingModelTests
{
    [Fact]
    public void Cnn_parameter_count_matches_its_layers()
    {
        // convs 9·(1·32 + 32·64 + 64·128) = 92,448; batch norms 2·(32+64+128) = 448;
        // fc 128·128+128 = 16,512; output 128·10+10 = 1,290.
        using var model = TaggingModel.Create(new NetworkOptions { Classes = 10, Device = DeviceChoice.Cpu });
        Assert.Equal(92_448 + 448 + 16_512 + 1_290, model.ParameterCount);
    }

    [Fact]
    public void Cbam_adds_channel_mlps_and_spatial_convolutions()
    {
        // Per block: C·C/8 + C/8 + C/8·C + C (channel MLP) + 2·7·7 (spatial conv): 390 + 1,194 + 4,338.
        using var model = TaggingModel.Create(new NetworkOptions { Classes = 10, Attention = true, Device = DeviceChoice.Cpu });
        Assert.Equal(110_698 + 390 + 1_194 + 4_338, model.ParameterCount);
    }

    [Fact]
    public void ResNet18_has_the_standard_count_for_one_input_channel()
    {
        // torchvision resnet18: 11,689,512 with a 3-channel stem and 1000 classes;
        // one-channel stem: −2·64·7·7 = −6,272; 10 classes: −(513,000 − 5,130).
        using var model = TaggingModel.Create(new NetworkOptions { Architecture = NetworkArchitecture.ResNet18, Classes = 10, Device = DeviceChoice.Cpu });
        Assert.Equal(11_689_512 - 6_272 - 513_000 + 5_130, model.ParameterCount);
    }

    [Fact]
    public void Res_transformer_is_about_125k_parameters_at_80_mels()
    {
        using var model = TaggingModel.Create(new NetworkOptions { Architecture = NetworkArchitecture.ResTransformer, Classes = 10, NMels = 80, Device = DeviceChoice.Cpu });
        Assert.InRange(model.ParameterCount, 115_000, 135_000);
    }

    [Fact]
    public void Temporal_cnn_parameter_count_matches_its_layers()
    {
        // input norm 2·128; convs 128·128·5 + 2·128·128·3 + 128·256·3 = 278,528 and their norms 2·(3·128 + 256) = 1,280;
        // hidden (mean ‖ max = 512)·128 + 128 = 65,664; output 128·10 + 10 = 1,290.
        using var model = TaggingModel.Create(new NetworkOptions { Architecture = NetworkArchitecture.TemporalCnn, Classes = 10, NMels = 128, Device = DeviceChoice.Cpu });
        Assert.Equal(256 + 278_528 + 1_280 + 65_664 + 1_290, model.ParameterCount);
    }

    [Theory]
    [InlineData(NetworkArchitecture.TemporalCnn, false)]
    [InlineData(NetworkArchitecture.Cnn, false)]
    [InlineData(NetworkArchitecture.Cnn, true)]
    [InlineData(NetworkArchitecture.ResTransformer, false)]
    public void Every_architecture_learns_held_out_items_well_above_chance(NetworkArchitecture architecture, bool attention)
    {
        const int classes = 4, nMels = 32, frames = 24, batch = 16;
        var (train, trainLabels) = SyntheticSpectrograms.Make(192, classes, nMels, frames, seed: 1);
        var (test, testLabels) = SyntheticSpectrograms.Make(64, classes, nMels, frames, seed: 2);
        using var model = TaggingModel.Create(new NetworkOptions
        {
            Architecture = architecture, Classes = classes, NMels = nMels, Attention = attention, Dropout = 0.1, Device = DeviceChoice.Cpu,
        });
        using var trainer = ModelTrainer.Create(model, new TrainerOptions { LearningRate = 3e-3 });

        for (var epoch = 0; epoch < 3; epoch++)
        {
            for (var start = 0; start < trainLabels.Length; start += batch)
            {
                trainer.Step(
                    train.AsSpan(start * nMels * frames, batch * nMels * frames), batch, frames,
                    trainLabels.AsSpan(start, batch).ToArray().Select(l => (float)l).ToArray());
            }
        }

        var predicted = SyntheticSpectrograms.Argmax(model.Predict(test, testLabels.Length, frames), classes);
        var accuracy = predicted.Zip(testLabels, (p, t) => p == t ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.9, $"held-out accuracy {accuracy:P0} (chance 25 %)");
    }

    [Fact]
    public void Predictions_survive_save_and_load()
    {
        using var temp = new OrleansGenres.Audio.Tests.Support.TempDirectory();
        var options = new NetworkOptions { Classes = 3, NMels = 16, Device = DeviceChoice.Cpu, Seed = 5 };
        var (inputs, _) = SyntheticSpectrograms.Make(4, 3, 16, 8, seed: 3);
        using var original = TaggingModel.Create(options);
        using var other = TaggingModel.Create(options with { Seed = 6 });
        original.Save(temp.File("weights.pt"));

        Assert.NotEqual(original.Predict(inputs, 4, 8), other.Predict(inputs, 4, 8));
        other.Load(temp.File("weights.pt"));
        Assert.Equal(original.Predict(inputs, 4, 8), other.Predict(inputs, 4, 8));
    }

    [Fact]
    public void Bad_requests_are_typed_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TaggingModel.Create(new NetworkOptions { Classes = 0 }));
        using var model = TaggingModel.Create(new NetworkOptions { Architecture = NetworkArchitecture.ResTransformer, Classes = 2, NMels = 80, Device = DeviceChoice.Cpu });
        Assert.Throws<ArgumentException>(() => model.Predict(new float[10], 1, 5));
        if (!TorchSharp.torch.cuda.is_available())
        {
            var error = Assert.Throws<InvalidOperationException>(() => TaggingModel.Create(new NetworkOptions { Classes = 2, Device = DeviceChoice.Cuda }));
            Assert.Contains("CUDA", error.Message, StringComparison.Ordinal);
        }
    }
}
