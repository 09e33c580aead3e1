using OrleansGenres.Ml.Data;
using static OrleansGenres.Ml.Tests.Unit.Data.Entries;

namespace OrleansGenres.Ml.Tests.Unit.Data;

public sealed class ClassSelectionTests
{
    private static readonly Dataset Catalogue = Of([.. Class("rock", 5), .. Class("pop", 3), .. Class("jazz", 3), .. Class("blues", 1)]);

    [Fact]
    public void Top_k_keeps_the_most_frequent_classes_with_ties_broken_by_name()
    {
        var selected = ClassSelection.Top(2).Apply(Catalogue);

        Assert.Equal(["jazz", "rock"], selected.Labels);
        Assert.Equal(8, selected.Entries.Count);
        Assert.All(selected.Entries, entry => Assert.Contains(entry.Labels[0], new[] { "jazz", "rock" }));
    }

    [Fact]
    public void Top_k_beyond_the_number_of_classes_keeps_them_all()
    {
        Assert.Equal(Catalogue.Entries, ClassSelection.Top(10).Apply(Catalogue).Entries);
        Assert.Same(Catalogue, ClassSelection.All.Apply(Catalogue));
    }

    [Fact]
    public void An_explicit_list_keeps_exactly_those_classes()
    {
        var selected = ClassSelection.Only("blues", "pop").Apply(Catalogue);

        Assert.Equal(["blues", "pop"], selected.Labels);
        Assert.Equal(4, selected.Entries.Count);
    }

    [Fact]
    public void Unknown_names_are_an_error_that_lists_the_known_classes()
    {
        var error = Assert.Throws<DatasetException>(() => ClassSelection.Only("pop", "metal", "disco").Apply(Catalogue));

        Assert.Contains("'metal', 'disco'", error.Message, StringComparison.Ordinal);
        Assert.Contains("known classes: blues, jazz, pop, rock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_label_entries_lose_unselected_labels_and_are_dropped_when_none_remain()
    {
        var dataset = Of([Entry("1.mp3", "flute;woodwind;f"), Entry("2.mp3", "trumpet;brass"), Entry("3.mp3", "flute;p")]);

        var selected = ClassSelection.Only("flute", "woodwind").Apply(dataset);

        Assert.Equal(["1.mp3", "3.mp3"], selected.Entries.Select(entry => entry.RelativePath));
        Assert.Equal(["flute", "woodwind"], selected.Entries[0].Labels);
        Assert.Equal(["flute"], selected.Entries[1].Labels);
        Assert.Equal(["flute", "woodwind"], selected.Labels);
        Assert.True(selected.IsMultiLabel);
    }

    [Fact]
    public void Bad_selections_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassSelection.Top(0).Apply(Catalogue));
        Assert.Throws<ArgumentException>(() => ClassSelection.Only().Apply(Catalogue));
        Assert.Throws<ArgumentException>(() => new ClassSelection { TopK = 1, Labels = ["rock"] }.Apply(Catalogue));
    }
}
