using System.Diagnostics;
using System.Globalization;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Ml.Data;

namespace OrleansGenres.Ml.Tests.Integration.Data;

/// <summary>The real manifests under ../shared/datasets, loaded (files checked to exist) but never hashed: that would be slow.</summary>
public sealed class SharedDatasetTests
{
    private static Task<Dataset> LoadAsync(string name) => ManifestLoader.LoadAsync(SharedData.Dataset(name, ManifestLoader.DefaultFileName));

    [Fact]
    public async Task Fsdd_tests_on_takes_0_to_4_of_every_digit_and_speaker()
    {
        var dataset = await LoadAsync("fsdd");

        Assert.Equal(3000, dataset.Entries.Count);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], dataset.Labels);
        Assert.False(dataset.IsMultiLabel);
        Assert.Equal(["speaker"], dataset.ExtraColumns);

        var split = DatasetSplitter.Split(dataset);

        // recordings/<digit>_<speaker>_<take>.wav: test holds exactly takes 0–4.
        Assert.All(dataset.Entries, entry =>
        {
            var parts = Path.GetFileNameWithoutExtension(entry.RelativePath).Split('_');
            Assert.Equal(parts[0], Assert.Single(entry.Labels));
            Assert.Equal(parts[1], entry.Extra["speaker"]);
            Assert.Equal(int.Parse(parts[2], CultureInfo.InvariantCulture) <= 4 ? SplitPart.Test : SplitPart.Train, entry.Split);
        });
        Assert.Equal(300, split.Test.Count);
        Assert.Equal(2700, split.Train.Count);
        Assert.All(split.Test.GroupBy(entry => (entry.Labels[0], entry.Extra["speaker"])), cell => Assert.Equal(5, cell.Count()));
        Assert.Equal(60, split.Test.Select(entry => (entry.Labels[0], entry.Extra["speaker"])).Distinct().Count());
    }

    [Fact]
    public async Task Fsdd_validation_grouped_by_speaker_keeps_speakers_whole()
    {
        var dataset = await LoadAsync("fsdd");

        var split = DatasetSplitter.Split(dataset, new SplitOptions { ValidationRatio = 0.2, GroupBy = "speaker", Seed = 1 });

        var train = split.Train.Select(entry => entry.Extra["speaker"]).ToHashSet();
        var validation = split.Validation.Select(entry => entry.Extra["speaker"]).ToHashSet();
        Assert.Single(validation);
        Assert.Equal(5, train.Count);
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(300, split.Test.Count);
    }

    [Fact]
    public async Task Esc10_has_five_official_folds_of_80()
    {
        var dataset = await LoadAsync("esc10");

        Assert.Equal(400, dataset.Entries.Count);
        Assert.Equal(10, dataset.Labels.Count);
        Assert.Contains("dog_bark", dataset.Labels);
        Assert.Equal([1, 2, 3, 4, 5], dataset.Folds);

        var folds = DatasetSplitter.CrossValidationFolds(dataset);

        Assert.Equal(5, folds.Count);
        Assert.All(folds, split =>
        {
            Assert.Equal(80, split.Test.Count);
            Assert.Equal(320, split.Train.Count);
            Assert.Empty(split.Train.Select(entry => entry.RelativePath).Intersect(split.Test.Select(entry => entry.RelativePath)));
        });
        Assert.Equal(400, folds.SelectMany(split => split.Test).Select(entry => entry.RelativePath).Distinct().Count());
    }

    [Fact]
    public async Task Philharmonia_is_multi_label_with_paths_that_contain_spaces()
    {
        var dataset = await LoadAsync("philharmonia");

        Assert.True(dataset.IsMultiLabel);
        Assert.Equal(3390, dataset.Entries.Count);
        Assert.Contains(dataset.Entries, entry => entry.RelativePath.Contains(' ', StringComparison.Ordinal));
        Assert.Contains("woodwind", dataset.Labels);
        Assert.Contains("instrument", dataset.ExtraColumns);
        Assert.All(dataset.Entries, entry => Assert.True(File.Exists(entry.FullPath)));

        var split = DatasetSplitter.Split(dataset);
        Assert.Equal(dataset.Entries.Count(entry => entry.Split == SplitPart.Test), split.Test.Count);
        Assert.Equal(dataset.Entries.Count, split.Train.Count + split.Test.Count);

        // Two families only: every other tag is removed from the entries and entries of other families are dropped.
        var families = ClassSelection.Only("woodwind", "brass").Apply(dataset);
        Assert.Equal(["brass", "woodwind"], families.Labels);
        Assert.False(families.IsMultiLabel);
        Assert.Equal(dataset.LabelCounts["woodwind"] + dataset.LabelCounts["brass"], families.Entries.Count);
    }

    [Fact]
    public async Task Midi_genres_has_six_imbalanced_genres_in_five_folds()
    {
        var dataset = await LoadAsync("midi-genres");

        Assert.Equal(574, dataset.Entries.Count);
        Assert.Equal(6, dataset.Labels.Count);
        Assert.Equal([1, 2, 3, 4, 5], dataset.Folds);
        Assert.Equal(["rock"], ClassSelection.Top(1).Apply(dataset).Labels);

        var balanced = Undersampling.Apply(dataset, maxPerClass: dataset.LabelCounts.Values.Min(), seed: 1);
        Assert.Single(balanced.LabelCounts.Values.Distinct());

        var folds = DatasetSplitter.CrossValidationFolds(dataset, new SplitOptions { ValidationRatio = 0.1, Seed = 3 });
        Assert.Equal(574, folds.Sum(split => split.Test.Count));
        Assert.All(folds, split => Assert.Equal(574, split.Train.Count + split.Validation.Count + split.Test.Count));
    }

    [Fact]
    public async Task All_four_manifests_load_quickly()
    {
        var watch = Stopwatch.StartNew();

        var datasets = await Task.WhenAll(new[] { "fsdd", "esc10", "philharmonia", "midi-genres" }.Select(name => DatasetLoader.LoadAsync(Path.Combine(SharedData.Datasets, name))));

        watch.Stop();
        Assert.Equal(3000 + 400 + 3390 + 574, datasets.Sum(dataset => dataset.Entries.Count));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"loading took {watch.Elapsed}");
    }
}
