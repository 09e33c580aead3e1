using OrleansGenres.Audio.Features;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Models;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch.Models;
using OrleansGenres.Torch.Training;

namespace OrleansGenres.Ml.Tests.Unit.Experiments;

public sealed class ExperimentConfigTests
{
    [Fact]
    public void Every_built_in_config_is_valid_and_the_four_datasets_and_the_sweep_are_covered()
    {
        var configs = ExperimentConfigCatalog.BuiltIn();

        Assert.All(configs, config => Assert.Empty(config.Validate()));
        foreach (var dataset in new[] { "fsdd", "esc10", "midi-genres", "philharmonia" })
        {
            Assert.Contains(configs, config => config.Dataset == dataset);
        }

        var sweep = Assert.Single(configs, config => config.IsSweep);
        var variants = sweep.ExpandVariants();
        Assert.Equal(4, variants.Count);
        Assert.Equal(
            new[] { (false, LossChoice.Bce), (false, LossChoice.AsymmetricFocal), (true, LossChoice.Bce), (true, LossChoice.AsymmetricFocal) }.Order(),
            variants.Select(v => (v.Model.Attention, v.Training.Loss)).Order());
    }

    [Fact]
    public void Temporal_cnn_and_key_tempo_jitter_are_read_from_json()
    {
        var config = ExperimentConfig.Parse("""
            { "name": "t", "model": { "architecture": "temporalCnn" },
              "training": { "specAugment": { "frequencyShift": 3, "timeStretch": 0.2 } } }
            """, "test");

        Assert.Equal(NetworkArchitecture.TemporalCnn, config.Model.Architecture);
        Assert.Equal(3, config.Training.SpecAugment.FrequencyShift);
        Assert.Equal(0.2, config.Training.SpecAugment.TimeStretch);
        Assert.Empty(config.Validate());
    }

    [Fact]
    public void A_variant_overrides_only_what_it_names()
    {
        var sweep = ExperimentConfig.Parse("""
            { "name": "s", "training": { "epochs": 7, "learningRate": 0.01 }, "model": { "dropout": 0.25 },
              "variants": [ { "name": "a", "training": { "loss": "asymmetricFocal" } } ] }
            """, "test");

        var variant = Assert.Single(sweep.ExpandVariants());

        Assert.Equal("a", variant.Name);
        Assert.Equal(LossChoice.AsymmetricFocal, variant.Training.Loss);
        Assert.Equal(7, variant.Training.Epochs);
        Assert.Equal(0.01, variant.Training.LearningRate);
        Assert.Equal(0.25, variant.Model.Dropout);
        Assert.False(variant.IsSweep);
    }

    [Fact]
    public void Json_of_the_wrong_shape_is_described_by_where_it_is_not_by_dotnet_types()
    {
        var wrongType = Assert.Throws<ExperimentConfigException>(() => ExperimentConfig.Parse("""{"name": "x", "training": {"epochs": "many"}}""", "t.json"));
        var problem = Assert.Single(wrongType.Errors);
        Assert.Contains("$.training.epochs", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("OrleansGenres", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem, StringComparison.Ordinal);

        var broken = Assert.Throws<ExperimentConfigException>(() => ExperimentConfig.Parse("{ name: ", "t.json"));
        Assert.Contains("not well-formed JSON", Assert.Single(broken.Errors), StringComparison.Ordinal);
        Assert.Contains("line 1", broken.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_config_reports_every_problem_at_once()
    {
        var error = Assert.Throws<ExperimentConfigException>(() => ExperimentConfig.Parse("""
            { "name": "bad", "training": { "epochs": 0, "batchSize": 1, "learningRate": -1, "specAugment": { "frequencyShift": -2, "timeStretch": 1.5 } },
              "data": { "validationRatio": 1.5 }, "frontEnd": { "windowSeconds": 0 } }
            """, "bad.json"));

        Assert.Contains(error.Errors, e => e.Contains("epochs", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("batchSize", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("learningRate", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("validationRatio", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("frontEnd", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("frequencyShift", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("timeStretch", StringComparison.Ordinal));
        Assert.StartsWith("bad.json:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "x", "training": { "epochz": 3 } }""")]
    [InlineData("""{ "name": "x", "model": { "architecture": "transformer9000" } }""")]
    [InlineData("""not json""")]
    public void Unknown_settings_and_values_are_rejected_not_ignored(string json) =>
        Assert.Throws<ExperimentConfigException>(() => ExperimentConfig.Parse(json, "x.json"));

    [Fact]
    public void Settings_map_onto_the_front_end_model_and_trainer()
    {
        var config = ExperimentConfig.Parse("""
            { "name": "m", "frontEnd": { "preset": "torchaudio", "sampleRate": 16000, "nMels": 40, "windowSeconds": 10, "hopSeconds": 10 },
              "model": { "architecture": "resTransformer", "dropout": 0.2 },
              "training": { "loss": "auto", "optimizer": "adam", "seed": 9, "schedule": "cosine" } }
            """, "m");

        var frontEnd = config.FrontEnd.ToFrontEnd();
        Assert.Equal(16000, frontEnd.Mel.SampleRate);
        Assert.Equal(40, frontEnd.Mel.NMels);
        Assert.Null(frontEnd.Mel.FMax); // follows the new Nyquist frequency
        Assert.Equal(MelOptions.Torchaudio.Scale, frontEnd.Mel.Scale);
        Assert.Equal(10, frontEnd.Windowing.WindowSeconds);
        var model = config.ToNetworkOptions(classes: 6, nMels: 40);
        Assert.Equal((NetworkArchitecture.ResTransformer, 6, 40, 0.2, 9L), (model.Architecture, model.Classes, model.NMels, model.Dropout, model.Seed));
        Assert.Equal(LossKind.CrossEntropy, config.Training.LossFor(multiLabel: false));
        Assert.Equal(LossKind.Bce, config.Training.LossFor(multiLabel: true));
        var trainer = config.ToTrainerOptions(LossKind.Bce, [2f, 3f]);
        Assert.Equal((OptimizerKind.Adam, ScheduleKind.Cosine, 9L), (trainer.Optimizer, trainer.Schedule, trainer.Seed));
        Assert.Equal([2f, 3f], trainer.ClassWeights);
    }

    [Fact]
    public void The_hash_follows_the_settings_and_survives_a_round_trip()
    {
        var config = ExperimentConfigCatalog.Resolve("fsdd-cnn");
        var again = ExperimentConfig.Parse(config.ToJson(), "round trip");

        Assert.Equal(config.Hash, again.Hash);
        Assert.NotEqual(config.Hash, (config with { Training = config.Training with { Seed = 2 } }).Hash);
    }

    [Fact]
    public void Resolving_an_unknown_name_lists_the_built_in_configs()
    {
        var error = Assert.Throws<ArgumentException>(() => ExperimentConfigCatalog.Resolve("nope"));
        Assert.Contains("fsdd-cnn", error.Message, StringComparison.Ordinal);
    }
}
