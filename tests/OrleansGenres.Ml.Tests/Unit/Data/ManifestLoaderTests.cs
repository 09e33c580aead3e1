using OrleansGenres.Ml.Data;

namespace OrleansGenres.Ml.Tests.Unit.Data;

public sealed class ManifestLoaderTests
{
    [Fact]
    public async Task Reads_paths_labels_split_and_extra_columns_relative_to_the_manifest()
    {
        using var data = new TempDataset().WithFiles("recordings/0_george_0.wav", "recordings/1_theo_7.wav");

        var dataset = await data.LoadAsync("path,labels,split,speaker\nrecordings/0_george_0.wav,0,test,george\nrecordings/1_theo_7.wav,1,train,theo\n");

        Assert.Equal(2, dataset.Entries.Count);
        var first = dataset.Entries[0];
        Assert.Equal("recordings/0_george_0.wav", first.RelativePath);
        Assert.Equal(Path.Combine(data.Root, "recordings", "0_george_0.wav"), first.FullPath);
        Assert.Equal(["0"], first.Labels);
        Assert.Equal(SplitPart.Test, first.Split);
        Assert.Null(first.Fold);
        Assert.Equal("george", first.Extra["speaker"]);
        Assert.Equal("george", first.Extra["SPEAKER"]);
        Assert.Equal(2, first.Line);
        Assert.Equal(SplitPart.Train, dataset.Entries[1].Split);
        Assert.Equal(["speaker"], dataset.ExtraColumns);
        Assert.Equal(data.ManifestPath, dataset.ManifestPath);
        Assert.Equal(data.Root, dataset.Root);
        Assert.True(dataset.HasSplitColumn);
    }

    [Fact]
    public async Task Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        using var data = new TempDataset().WithFiles("a, b.wav", "say \"hi\".wav", "plain.wav");

        var dataset = await data.LoadAsync(
            "path,labels,note\n" +
            "\"a, b.wav\",\"x;y\",\"first\nsecond\"\n" +
            "\"say \"\"hi\"\".wav\",x,\"\"\n" +
            "plain.wav,y,\"\"\"quoted\"\"\"\n");

        Assert.Equal(["a, b.wav", "say \"hi\".wav", "plain.wav"], dataset.Entries.Select(entry => entry.RelativePath));
        Assert.Equal(["x", "y"], dataset.Entries[0].Labels);
        Assert.Equal("first\nsecond", dataset.Entries[0].Extra["note"]);
        Assert.Equal("", dataset.Entries[1].Extra["note"]);
        Assert.Equal("\"quoted\"", dataset.Entries[2].Extra["note"]);

        // The quoted line break counts: the rows start on lines 2, 4 and 5.
        Assert.Equal([2, 4, 5], dataset.Entries.Select(entry => entry.Line));
    }

    [Fact]
    public async Task Paths_with_spaces_need_no_quotes()
    {
        using var data = new TempDataset().WithFiles("audio/bass clarinet/bass-clarinet_A2 forte.mp3");

        var dataset = await data.LoadAsync("path,labels\naudio/bass clarinet/bass-clarinet_A2 forte.mp3,bass-clarinet;woodwind\n");

        Assert.Equal("audio/bass clarinet/bass-clarinet_A2 forte.mp3", Assert.Single(dataset.Entries).RelativePath);
        Assert.True(File.Exists(dataset.Entries[0].FullPath));
    }

    [Fact]
    public async Task Labels_are_trimmed_deduplicated_and_sorted_and_make_the_dataset_multi_label()
    {
        using var data = new TempDataset();

        var dataset = await data.LoadUncheckedAsync("path,labels\na.wav, trill ;brass;;trill;f\nb.wav,brass\n");

        Assert.Equal(["brass", "f", "trill"], dataset.Entries[0].Labels);
        Assert.True(dataset.IsMultiLabel);
        Assert.Equal(2, dataset.LabelCounts["brass"]);
    }

    [Fact]
    public async Task Header_names_are_case_insensitive_and_a_bom_and_crlf_are_accepted()
    {
        using var data = new TempDataset().WithFiles("a.wav", "b.wav");

        var dataset = await data.LoadAsync("\uFEFFPath, Labels ,FOLD\r\na.wav,dog,1\r\n\r\nb.wav,cat,2\r\n");

        Assert.Equal(["a.wav", "b.wav"], dataset.Entries.Select(entry => entry.RelativePath));
        Assert.Equal([1, 2], dataset.Folds);
        Assert.Equal([2, 4], dataset.Entries.Select(entry => entry.Line));
        Assert.Empty(dataset.ExtraColumns);
    }

    [Fact]
    public async Task Lone_carriage_returns_end_lines_too()
    {
        using var data = new TempDataset();

        var dataset = await data.LoadUncheckedAsync("path,labels\ra.wav,x\r\"b\rc.wav\",y\rd.wav,z");

        Assert.Equal(["a.wav", "b\rc.wav", "d.wav"], dataset.Entries.Select(entry => entry.RelativePath));
        Assert.Equal([2, 3, 5], dataset.Entries.Select(entry => entry.Line));
    }

    [Theory]
    [InlineData("file,labels\na.wav,x\n", "'path'")]
    [InlineData("path,label\na.wav,x\n", "'labels'")]
    [InlineData("path,labels,path\na.wav,x,b.wav\n", "appears twice")]
    public async Task A_bad_header_is_reported_on_line_1(string manifest, string expected)
    {
        using var data = new TempDataset();

        var error = await data.LoadFailsAsync(manifest);

        Assert.Equal(1, error.Line);
        Assert.Equal(data.ManifestPath, error.File);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line()
    {
        using var data = new TempDataset().WithFiles("ok.wav", "dup.wav", "nolabel.wav");

        var error = await data.LoadFailsAsync(
            "path,labels,split\n" +        // 1
            "ok.wav,a,train\n" +            // 2
            ",a,train\n" +                  // 3 empty path
            "nolabel.wav, ; ,train\n" +     // 4 empty labels
            "/etc/passwd,a,train\n" +       // 5 absolute
            "../outside.wav,a,train\n" +    // 6 escapes
            "missing.wav,a,train\n" +       // 7 not found
            "dup.wav,a,test\n" +            // 8
            "./dup.wav,a,test\n" +          // 9 duplicate of line 8
            "ok2.wav,a\n" +                 // 10 wrong field count
            "dup2.wav,a,holdout\n");        // 11 bad split (dup2.wav also missing)

        Assert.Equal(9, error.TotalProblems);
        Assert.Equal([3, 4, 5, 6, 7, 9, 10, 11, 11], error.Problems.Select(problem => problem.Line));
        string Message(int line) => string.Join(" | ", error.Problems.Where(problem => problem.Line == line).Select(problem => problem.Message));
        Assert.Contains("empty path", Message(3), StringComparison.Ordinal);
        Assert.Contains("empty labels", Message(4), StringComparison.Ordinal);
        Assert.Contains("absolute", Message(5), StringComparison.Ordinal);
        Assert.Contains("escapes", Message(6), StringComparison.Ordinal);
        Assert.Contains("file not found", Message(7), StringComparison.Ordinal);
        Assert.Contains("duplicate path 'dup.wav' (first listed on line 8)", Message(9), StringComparison.Ordinal);
        Assert.Contains("expected 3 fields, found 2", Message(10), StringComparison.Ordinal);
        Assert.Contains("split 'holdout'", Message(11), StringComparison.Ordinal);
        Assert.Contains("file not found", Message(11), StringComparison.Ordinal);
        Assert.Contains($"{data.ManifestPath}:3: empty path", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public async Task Only_the_first_problems_are_listed_but_all_are_counted()
    {
        using var data = new TempDataset();
        var rows = string.Concat(Enumerable.Range(0, 30).Select(i => $"missing{i}.wav,a\n"));

        var error = await data.LoadFailsAsync("path,labels\n" + rows, new ManifestOptions { MaxReportedProblems = 5 });

        Assert.Equal(30, error.TotalProblems);
        Assert.Equal([2, 3, 4, 5, 6], error.Problems.Select(problem => problem.Line));
        Assert.StartsWith("30 problems, the first 5:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x.wav")]
    [InlineData("a/../../x.wav")]
    [InlineData("a/./b/../../../x.wav")]
    [InlineData("..\\x.wav")]
    [InlineData("/etc/passwd")]
    [InlineData("\\\\server\\share\\x.wav")]
    [InlineData("C:\\data\\x.wav")]
    [InlineData("c:x.wav")]
    [InlineData("..")]
    [InlineData(".")]
    public async Task Paths_outside_the_dataset_folder_are_rejected(string path)
    {
        using var data = new TempDataset();

        var error = await data.LoadFailsAsync($"path,labels\n\"{path}\",a\n");

        // Rejected for where it points, before (and whether or not) such a file exists.
        Assert.Equal(2, error.Line);
        Assert.Matches("absolute|escapes|folder itself", Assert.Single(error.Problems).Message);
    }

    [Theory]
    [InlineData("a/../b.wav", "b.wav")]
    [InlineData("./a//b.wav", "a/b.wav")]
    [InlineData("a\\b.wav", "a/b.wav")]
    public async Task Paths_that_stay_inside_are_normalised(string path, string expected)
    {
        using var data = new TempDataset().WithFiles(expected);

        var dataset = await data.LoadAsync($"path,labels\n{path},a\n");

        Assert.Equal(expected, Assert.Single(dataset.Entries).RelativePath);
        Assert.StartsWith(data.Root + Path.DirectorySeparatorChar, dataset.Entries[0].FullPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unterminated_quote_is_reported_where_it_opened()
    {
        using var data = new TempDataset();

        var error = await data.LoadFailsAsync("path,labels\na.wav,x\n\"b.wav,y\nc.wav,z\n", new ManifestOptions { CheckFilesExist = false });

        Assert.Equal(3, error.Line);
        Assert.Contains("unterminated quoted field opened on line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_is_reported()
    {
        using var data = new TempDataset();

        var error = await data.LoadFailsAsync("path,labels\n\"a.wav\"x,y\n", new ManifestOptions { CheckFilesExist = false });

        Assert.Equal(2, error.Line);
        Assert.Contains("after the closing quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folds_must_be_integers()
    {
        using var data = new TempDataset();

        var error = await data.LoadFailsAsync("path,labels,fold\na.wav,x,1\nb.wav,x,two\nc.wav,x,\n", new ManifestOptions { CheckFilesExist = false });

        Assert.Equal([3, 4], error.Problems.Select(problem => problem.Line));
        Assert.Contains("fold 'two' is not an integer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("path,labels\n")]
    [InlineData("path,labels\n\n\n")]
    public async Task A_manifest_without_rows_is_an_error(string manifest)
    {
        using var data = new TempDataset();

        var error = await data.LoadFailsAsync(manifest);

        Assert.Matches("empty manifest|lists no files", error.Message);
    }

    [Fact]
    public async Task A_missing_manifest_is_a_dataset_error()
    {
        using var data = new TempDataset();

        var error = await Assert.ThrowsAsync<DatasetException>(() => ManifestLoader.LoadAsync(data.ManifestPath));

        Assert.Contains("manifest not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_honours_cancellation()
    {
        using var data = new TempDataset();
        await File.WriteAllTextAsync(data.ManifestPath, "path,labels\na.wav,x\n");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ManifestLoader.LoadAsync(data.ManifestPath, null, new CancellationToken(canceled: true)));
    }
}
