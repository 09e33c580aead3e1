using Microsoft.Extensions.Logging.Abstractions;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Ml.Tests.Support;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch;

namespace OrleansGenres.Ml.Tests.Integration.Training;

/// <summary>Real training runs on generated tones: tiny models, a few epochs, real ffmpeg, real libtorch.</summary>
public sealed class ExperimentRunnerTests(ToneDatasetFixture tones) : IClassFixture<ToneDatasetFixture>
{
    private ExperimentRunner Runner => new(tones.CacheRoot, AudioDecoders.Create(), NullLogger.Instance);

    [Fact]
    public async Task A_single_label_model_learns_well_above_chance_on_held_out_tracks_and_tags_new_audio()
    {
        var dataset = await DatasetLoader.LoadAsync(tones.SingleLabelManifest);
        var config = ExperimentConfig.Parse(ToneDataset.TinyConfigJson("tones"), "test");
        var output = tones.NewFolder("single");

        var outcome = await Runner.RunAsync(dataset, config, output);

        // Chance is 1/3 (three balanced classes); 12 held-out tracks.
        Assert.True(outcome.TestReport!.Accuracy >= 0.9, $"test accuracy {outcome.TestReport.Accuracy}");
        Assert.Equal(12, outcome.TestReport.Tracks);
        Assert.Equal(4, outcome.Training.History.Count);
        Assert.True(outcome.Training.History[^1].TrainLoss < outcome.Training.History[0].TrainLoss);

        var card = ModelDirectory.ReadCard(output);
        Assert.Equal(["high", "low", "noise"], card.Labels);
        Assert.False(card.MultiLabel);
        Assert.Equal(outcome.TestReport.Accuracy, card.Metrics!["accuracy"]);
        Assert.Equal(config.Hash, card.Config!.Hash);
        Assert.Equal(36, card.Dataset!.TrainTracks + card.Dataset.ValidationTracks);
        Assert.True(card.ParameterCount > 100_000);
        Assert.True(File.Exists(Path.Combine(output, ExperimentRunner.ReportFileName)));
        var markdown = File.ReadAllText(Path.Combine(output, ModelCardMarkdown.FileName));
        Assert.Contains(card.WeightsSha256!, markdown, StringComparison.Ordinal);
        Assert.Contains("macro avg", markdown, StringComparison.Ordinal);

        using var directory = new TempDirectory();
        var tone = GeneratedAudio.Create(directory.File("new-high.ogg"), "aevalsrc=0.4*sin(2*PI*1650*t):s=8000:d=2", "-c:a", "libvorbis");
        using var torchThread = new TorchThread();
        using var predictor = TrackPredictor.Load(output);
        var prediction = await predictor.TagFileAsync(tone, torchThread);
        Assert.Equal("high", prediction.Tags[0].Label);
        Assert.True(prediction.Tags[0].Assigned);
        Assert.Equal(4, prediction.Windows.Count);
    }

    [Fact]
    public async Task A_loss_that_does_not_fit_the_labels_is_refused_before_any_work()
    {
        var dataset = await DatasetLoader.LoadAsync(tones.SingleLabelManifest);
        var config = ExperimentConfig.Parse(ToneDataset.TinyConfigJson("wrong-loss", loss: "bce"), "test");
        var cache = tones.NewFolder("untouched-cache");
        var runner = new ExperimentRunner(cache, AudioDecoders.Create(), NullLogger.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(dataset, config, tones.NewFolder("wrong")));

        Assert.Contains("single-label", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache));
    }

    [Fact]
    public async Task Training_on_mixed_up_batches_still_learns_the_classes()
    {
        var dataset = await DatasetLoader.LoadAsync(tones.SingleLabelManifest);
        var tiny = ExperimentConfig.Parse(ToneDataset.TinyConfigJson("mixup", epochs: 6), "test");
        var config = tiny with { Training = tiny.Training with { Mixup = 0.4 } };

        var outcome = await Runner.RunAsync(dataset, config, tones.NewFolder("mixup"));

        Assert.True(outcome.TestReport!.Accuracy >= 0.9, $"test accuracy {outcome.TestReport.Accuracy}");
    }

    [Theory]
    [InlineData("bce")]
    [InlineData("asymmetricFocal")]
    public async Task A_multi_label_model_learns_tag_sets_with_tuned_thresholds(string loss)
    {
        var dataset = await DatasetLoader.LoadAsync(tones.MultiLabelManifest);
        var config = ExperimentConfig.Parse(ToneDataset.TinyConfigJson("multi-" + loss, loss, epochs: 15), "test");
        var output = tones.NewFolder("multi");

        var outcome = await Runner.RunAsync(dataset, config, output);

        // Always predicting both tags scores samples-F1 (2/3 + 2/3 + 1) / 3 = 0.78; a model must do clearly better.
        Assert.True(outcome.TestReport!.F1Samples >= 0.9, $"samples F1 {outcome.TestReport.F1Samples}");
        var card = ModelDirectory.ReadCard(output);
        Assert.True(card.MultiLabel);
        Assert.Equal(2, card.Thresholds!.Count);
        Assert.All(card.Thresholds, t => Assert.InRange(t, 0f, 1f));
    }

    [Fact]
    public async Task A_run_stopped_mid_epoch_and_resumed_ends_with_the_same_weights_as_an_uninterrupted_run()
    {
        var dataset = await DatasetLoader.LoadAsync(tones.SingleLabelManifest);
        var config = ExperimentConfig.Parse(ToneDataset.TinyConfigJson("resume", epochs: 3), "test");
        var uninterrupted = tones.NewFolder("whole");
        var interrupted = tones.NewFolder("cut");

        await Runner.RunAsync(dataset, config, uninterrupted);

        using var stop = new CancellationTokenSource();
        var progress = new SynchronousProgress<TrainingProgress>(p =>
        {
            if (p.Epoch == 2 && p.WindowsDone > 0 && p.Completed is null)
            {
                stop.Cancel(); // mid-epoch 2: epoch 1's checkpoint is the last one
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner.RunAsync(dataset, config, interrupted, progress: progress, cancellationToken: stop.Token));
        var state = TrainingState.Read(Path.Combine(interrupted, ExperimentRunner.CheckpointFolder));
        Assert.Equal(1, state!.EpochsDone);
        Assert.False(ModelDirectory.Exists(interrupted));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Runner.RunAsync(dataset, config, interrupted)); // no --resume
        var changed = config with { Training = config.Training with { LearningRate = 0.01 } };
        await Assert.ThrowsAsync<InvalidOperationException>(() => Runner.RunAsync(dataset, changed, interrupted, resume: true));

        var resumed = await Runner.RunAsync(dataset, config, interrupted, resume: true);

        Assert.Equal(3, resumed.Training.EpochsDone);
        Assert.Equal(
            ModelDirectory.Sha256(Path.Combine(uninterrupted, ModelDirectory.WeightsFileName)),
            ModelDirectory.Sha256(Path.Combine(interrupted, ModelDirectory.WeightsFileName)));
        var whole = TrainingState.Read(Path.Combine(uninterrupted, ExperimentRunner.CheckpointFolder))!;
        Assert.Equal(whole.History.Select(e => e.TrainLoss), resumed.Training.History.Select(e => e.TrainLoss));
    }

    /// <summary>Progress delivered on the reporting thread (Progress&lt;T&gt; posts to the pool, too late to stop mid-epoch).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
