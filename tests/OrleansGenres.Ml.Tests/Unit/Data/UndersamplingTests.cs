using OrleansGenres.Ml.Data;
using static OrleansGenres.Ml.Tests.Unit.Data.Entries;

namespace OrleansGenres.Ml.Tests.Unit.Data;

public sealed class UndersamplingTests
{
    private static readonly Dataset Imbalanced = Of([.. Class("rock", 50), .. Class("pop", 20), .. Class("jazz", 4)]);

    [Fact]
    public void Each_class_is_capped_and_classes_under_the_cap_keep_everything()
    {
        var sampled = Undersampling.Apply(Imbalanced, maxPerClass: 10, seed: 1);

        Assert.Equal(10, sampled.LabelCounts["rock"]);
        Assert.Equal(10, sampled.LabelCounts["pop"]);
        Assert.Equal(4, sampled.LabelCounts["jazz"]);
        Assert.Subset(Paths(Imbalanced.Entries), Paths(sampled.Entries));
    }

    [Fact]
    public void The_seed_decides_the_sample()
    {
        var first = Paths(Undersampling.Apply(Imbalanced, 10, seed: 7).Entries);
        var again = Paths(Undersampling.Apply(Imbalanced, 10, seed: 7).Entries);
        var other = Paths(Undersampling.Apply(Imbalanced, 10, seed: 8).Entries);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_sample_does_not_depend_on_the_manifest_order_and_keeps_it()
    {
        var reversed = Imbalanced.WithEntries([.. Imbalanced.Entries.Reverse()]);

        var sampled = Undersampling.Apply(Imbalanced, 10, seed: 3);
        var sampledReversed = Undersampling.Apply(reversed, 10, seed: 3);

        Assert.Equal(Paths(sampled.Entries), Paths(sampledReversed.Entries));
        var order = Imbalanced.Entries.Select((entry, index) => (entry.RelativePath, index)).ToDictionary();
        Assert.Equal(sampled.Entries.Select(entry => order[entry.RelativePath]).Order(), sampled.Entries.Select(entry => order[entry.RelativePath]));
    }

    [Fact]
    public void Multi_label_entries_are_capped_under_their_rarest_label()
    {
        // Two entries carry the rare "harmonics" next to the common "violin": they count as harmonics and are kept.
        var dataset = Of([
            .. Enumerable.Range(0, 6).Select(i => Entry($"violin_{i}.mp3", "violin;bowed-string")),
            Entry("violin_h1.mp3", "violin;bowed-string;harmonics"),
            Entry("violin_h2.mp3", "violin;bowed-string;harmonics"),
        ]);

        var sampled = Undersampling.Apply(dataset, maxPerClass: 2, seed: 0);

        Assert.Contains("violin_h1.mp3", Paths(sampled.Entries));
        Assert.Contains("violin_h2.mp3", Paths(sampled.Entries));
        Assert.Equal(4, sampled.Entries.Count);
        Assert.Equal(2, sampled.LabelCounts["harmonics"]);
        Assert.Equal(4, sampled.LabelCounts["violin"]);
    }

    [Fact]
    public void The_cap_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Undersampling.Apply(Imbalanced, 0, 1));
    }
}
