using OrleansGenres.Ml.Data;
using static OrleansGenres.Ml.Tests.Unit.Data.Entries;

namespace OrleansGenres.Ml.Tests.Unit.Data;

public sealed class DatasetTests
{
    [Fact]
    public void Labels_are_sorted_ordinally_with_their_counts()
    {
        var dataset = Of([Entry("1.wav", "b"), Entry("2.wav", "a"), Entry("3.wav", "B"), Entry("4.wav", "10"), Entry("5.wav", "2"), Entry("6.wav", "a")]);

        Assert.Equal(["10", "2", "B", "a", "b"], dataset.Labels);
        Assert.Equal(["10", "2", "B", "a", "b"], dataset.LabelCounts.Keys);
        Assert.Equal(2, dataset.LabelCounts["a"]);
        Assert.False(dataset.IsMultiLabel);
    }

    [Fact]
    public void One_entry_with_several_labels_makes_it_multi_label()
    {
        var dataset = Of([Entry("1.wav", "a"), Entry("2.wav", "a;b")]);

        Assert.True(dataset.IsMultiLabel);
        Assert.Equal(2, dataset.LabelCounts["a"]);
        Assert.Equal(1, dataset.LabelCounts["b"]);
    }

    [Fact]
    public void Folds_and_split_presence_follow_the_entries()
    {
        var withFolds = Of([Entry("1.wav", "a", fold: 3), Entry("2.wav", "a", fold: 1), Entry("3.wav", "a", fold: 3)]);
        var withSplit = Of([Entry("1.wav", "a", SplitPart.Train)]);

        Assert.Equal([1, 3], withFolds.Folds);
        Assert.False(withFolds.HasSplitColumn);
        Assert.True(withSplit.HasSplitColumn);
        Assert.Empty(withSplit.Folds);
    }

    [Fact]
    public void With_entries_recomputes_what_follows_from_them()
    {
        var dataset = Of([Entry("1.wav", "a;b"), Entry("2.wav", "c")]);

        var smaller = dataset.WithEntries([dataset.Entries[1]]);

        Assert.Equal(["c"], smaller.Labels);
        Assert.False(smaller.IsMultiLabel);
        Assert.Equal(dataset.Root, smaller.Root);
        Assert.Equal(dataset.ExtraColumns, smaller.ExtraColumns);
    }

    [Fact]
    public void An_experiment_splits_the_same_rows_the_same_way_whatever_order_a_manifest_lists_them_in()
    {
        var rows = Class("dog", 20).Concat(Class("cat", 20)).Concat(Class("bird", 20)).ToList();
        var shuffled = rows.OrderBy(row => row.RelativePath.GetHashCode(StringComparison.Ordinal)).ToList();
        var config = new OrleansGenres.Ml.Experiments.ExperimentConfig();
        var options = new SplitOptions { ValidationRatio = 0.2, Seed = 5 };

        var listed = DatasetSplitter.Split(OrleansGenres.Ml.Experiments.ExperimentDataBuilder.Select(Of(rows), config), options);
        var reordered = DatasetSplitter.Split(OrleansGenres.Ml.Experiments.ExperimentDataBuilder.Select(Of(shuffled), config), options);

        Assert.NotEqual(rows.Select(r => r.RelativePath), shuffled.Select(r => r.RelativePath));
        Assert.Equal(listed.Train.Select(e => e.RelativePath), reordered.Train.Select(e => e.RelativePath));
        Assert.Equal(listed.Validation.Select(e => e.RelativePath), reordered.Validation.Select(e => e.RelativePath));
        Assert.Equal(listed.Test.Select(e => e.RelativePath), reordered.Test.Select(e => e.RelativePath));
        Assert.Equal(rows.Select(r => r.RelativePath).Order(StringComparer.Ordinal), Of(shuffled).InPathOrder().Entries.Select(e => e.RelativePath));
    }
}
