using OrleansGenres.Ml.Data;
using static OrleansGenres.Ml.Tests.Unit.Data.Entries;

namespace OrleansGenres.Ml.Tests.Unit.Data;

public sealed class DatasetSplitterTests
{
    // Six speakers × three digits × ten takes, like a tiny FSDD.
    private static readonly Dataset Spoken = Of(
        from speaker in new[] { "ann", "bob", "cid", "dee", "eve", "fay" }
        from digit in new[] { "0", "1", "2" }
        from take in Enumerable.Range(0, 10)
        select Entry($"{digit}_{speaker}_{take}.wav", digit, speaker: speaker));

    private static readonly Dataset Folded = Of([.. Class("dog", 10, fold: i => (i % 5) + 1), .. Class("rain", 15, fold: i => (i % 5) + 1)]);

    [Fact]
    public void The_split_column_decides_train_validation_and_test()
    {
        var dataset = Of([
            Entry("a.wav", "x", SplitPart.Train), Entry("b.wav", "x", SplitPart.Test), Entry("c.wav", "y", SplitPart.Validation),
            Entry("d.wav", "y", SplitPart.Train), Entry("e.wav", "y", SplitPart.Test),
        ]);

        var split = DatasetSplitter.Split(dataset);

        Assert.Equal(["a.wav", "d.wav"], split.Train.Select(entry => entry.RelativePath));
        Assert.Equal(["c.wav"], split.Validation.Select(entry => entry.RelativePath));
        Assert.Equal(["b.wav", "e.wav"], split.Test.Select(entry => entry.RelativePath));
        Assert.Null(split.TestFold);

        // The column's own validation entries win over a ratio.
        Assert.Equal(split.Validation, DatasetSplitter.Split(dataset, new SplitOptions { ValidationRatio = 0.5 }).Validation);
    }

    [Fact]
    public void Without_validation_in_the_column_it_is_carved_out_of_train()
    {
        var dataset = Of(Spoken.Entries.Select(entry => entry with { Split = entry.RelativePath.EndsWith("_0.wav", StringComparison.Ordinal) ? SplitPart.Test : SplitPart.Train }));

        var split = DatasetSplitter.Split(dataset, new SplitOptions { ValidationRatio = 0.2, Seed = 4 });

        Assert.Equal(18, split.Test.Count);
        Assert.Equal(162, split.Train.Count + split.Validation.Count);
        Assert.All(split.Validation, entry => Assert.Equal(SplitPart.Train, entry.Split));
        Assert.All(split.Validation.GroupBy(entry => entry.Labels[0]), digit => Assert.Equal(11, digit.Count()));
    }

    [Fact]
    public void A_fold_split_tests_on_one_fold_and_trains_on_the_others()
    {
        var split = DatasetSplitter.Split(Folded, new SplitOptions { TestFold = 3 });

        Assert.Equal(3, split.TestFold);
        Assert.All(split.Test, entry => Assert.Equal(3, entry.Fold));
        Assert.All(split.Train, entry => Assert.NotEqual(3, entry.Fold));
        Assert.Equal(5, split.Test.Count);
        Assert.Equal(20, split.Train.Count);
        Assert.Empty(split.Validation);
        Assert.Equal(1, DatasetSplitter.Split(Folded).TestFold);
    }

    [Fact]
    public void Cross_validation_tests_every_entry_exactly_once()
    {
        var folds = DatasetSplitter.CrossValidationFolds(Folded, new SplitOptions { ValidationRatio = 0.25, Seed = 2 });

        Assert.Equal([1, 2, 3, 4, 5], folds.Select(split => split.TestFold));
        var tested = folds.SelectMany(split => split.Test).Select(entry => entry.RelativePath).ToList();
        Assert.Equal(Folded.Entries.Count, tested.Count);
        Assert.Equal(Paths(Folded.Entries), tested.ToHashSet());
        Assert.All(folds, AssertPartition(Folded));
        Assert.All(folds, split => Assert.NotEmpty(split.Validation));
    }

    [Fact]
    public void An_unknown_fold_is_an_error_that_lists_the_folds()
    {
        var error = Assert.Throws<DatasetException>(() => DatasetSplitter.Split(Folded, new SplitOptions { TestFold = 9 }));

        Assert.Contains("fold 9 does not occur; folds: 1, 2, 3, 4, 5", error.Message, StringComparison.Ordinal);
        Assert.Throws<DatasetException>(() => DatasetSplitter.CrossValidationFolds(Spoken));
        Assert.Throws<DatasetException>(() => DatasetSplitter.Split(Spoken, new SplitOptions { Strategy = SplitStrategy.Fold }));
        Assert.Throws<DatasetException>(() => DatasetSplitter.Split(Spoken, new SplitOptions { Strategy = SplitStrategy.Column }));
    }

    [Fact]
    public void A_ratio_split_is_stratified_and_seeded()
    {
        var dataset = Of([.. Class("a", 50), .. Class("b", 20), .. Class("c", 5)]);

        var split = DatasetSplitter.Split(dataset, new SplitOptions { TestRatio = 0.2, Seed = 11 });

        Assert.Equal(10, split.Test.Count(entry => entry.Labels[0] == "a"));
        Assert.Equal(4, split.Test.Count(entry => entry.Labels[0] == "b"));
        Assert.Equal(1, split.Test.Count(entry => entry.Labels[0] == "c"));
        AssertPartition(dataset)(split);

        var again = DatasetSplitter.Split(dataset, new SplitOptions { TestRatio = 0.2, Seed = 11 });
        var reordered = DatasetSplitter.Split(dataset.WithEntries([.. dataset.Entries.Reverse()]), new SplitOptions { TestRatio = 0.2, Seed = 11 });
        var otherSeed = DatasetSplitter.Split(dataset, new SplitOptions { TestRatio = 0.2, Seed = 12 });
        Assert.Equal(Paths(split.Test), Paths(again.Test));
        Assert.Equal(Paths(split.Test), Paths(reordered.Test));
        Assert.NotEqual(Paths(split.Test), Paths(otherSeed.Test));
    }

    [Fact]
    public void A_class_with_two_entries_gets_one_on_each_side()
    {
        var dataset = Of([.. Class("big", 20), .. Class("tiny", 2), .. Class("single", 1)]);

        var split = DatasetSplitter.Split(dataset, new SplitOptions { TestRatio = 0.1 });

        Assert.Equal(1, split.Test.Count(entry => entry.Labels[0] == "tiny"));
        Assert.Equal(1, split.Train.Count(entry => entry.Labels[0] == "tiny"));
        Assert.Equal(1, split.Train.Count(entry => entry.Labels[0] == "single"));
    }

    [Fact]
    public void Grouped_splits_never_put_one_speaker_on_two_sides()
    {
        var split = DatasetSplitter.Split(Spoken, new SplitOptions { TestRatio = 0.2, ValidationRatio = 0.25, GroupBy = "speaker", Seed = 5 });

        AssertPartition(Spoken)(split);
        var train = Speakers(split.Train);
        var validation = Speakers(split.Validation);
        var test = Speakers(split.Test);
        Assert.Single(test);
        Assert.Single(validation);
        Assert.Equal(4, train.Count);
        Assert.Empty(train.Intersect(test));
        Assert.Empty(train.Intersect(validation));
        Assert.Empty(validation.Intersect(test));
    }

    [Fact]
    public void An_unknown_group_column_is_an_error_naming_the_columns()
    {
        var error = Assert.Throws<DatasetException>(() => DatasetSplitter.Split(Spoken, new SplitOptions { GroupBy = "album" }));

        Assert.Contains("unknown group column 'album'; extra columns: speaker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_prefers_the_split_column_then_folds_then_a_ratio()
    {
        var both = Of([Entry("a.wav", "x", SplitPart.Train, fold: 1), Entry("b.wav", "x", SplitPart.Test, fold: 1), Entry("c.wav", "x", SplitPart.Train, fold: 2)]);

        Assert.Equal(["b.wav"], DatasetSplitter.Split(both).Test.Select(entry => entry.RelativePath));
        Assert.Equal(1, DatasetSplitter.Split(Folded).TestFold);
        Assert.Equal(18, DatasetSplitter.Split(Spoken, new SplitOptions { TestRatio = 0.1 }).Test.Count);
    }

    [Fact]
    public void Multi_label_data_splits_into_disjoint_parts()
    {
        var dataset = Of(Enumerable.Range(0, 40).Select(i => Entry($"{i}.mp3", i % 4 == 0 ? "flute;woodwind;trill" : i % 2 == 0 ? "flute;woodwind" : "horn;brass")));

        var split = DatasetSplitter.Split(dataset, new SplitOptions { TestRatio = 0.25, ValidationRatio = 0.2, Seed = 1 });

        AssertPartition(dataset)(split);
        Assert.Contains(split.Test, entry => entry.Labels.Contains("trill"));
        Assert.Contains(split.Test, entry => entry.Labels.Contains("horn"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void A_test_ratio_outside_0_to_1_is_rejected(double ratio)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplitter.Split(Spoken, new SplitOptions { TestRatio = ratio }));
    }

    private static HashSet<string> Speakers(IEnumerable<DatasetEntry> entries) => entries.Select(entry => entry.Extra["speaker"]).ToHashSet();

    /// <summary>Train, validation and test share no file and together hold every entry.</summary>
    private static Action<DatasetSplit> AssertPartition(Dataset dataset) => split =>
    {
        var all = split.Train.Concat(split.Validation).Concat(split.Test).Select(entry => entry.RelativePath).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(Paths(dataset.Entries), all.ToHashSet());
    };
}
