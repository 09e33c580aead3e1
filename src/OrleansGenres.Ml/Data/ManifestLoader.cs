using System.Globalization;
using System.Text;

namespace OrleansGenres.Ml.Data;

/// <summary>
/// Reads a dataset manifest: CSV with a header <c>path,labels[,split|fold,...extra]</c>, labels separated by ';',
/// paths relative to the manifest's folder. Every row is checked and every problem collected before anything is
/// thrown, so a broken manifest is fixed in one round rather than one error at a time.
/// </summary>
public static class ManifestLoader
{
    public const string DefaultFileName = "manifest.csv";

    public static async Task<Dataset> LoadAsync(string manifestPath, ManifestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        options ??= ManifestOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxReportedProblems, 1);

        var file = Path.GetFullPath(manifestPath);
        if (!File.Exists(file))
        {
            throw new DatasetException(new DatasetProblem(file, null, "manifest not found"));
        }

        var root = Path.GetDirectoryName(file)!;
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        var problems = new List<DatasetProblem>();
        var entries = new List<DatasetEntry>();
        var firstLineOfPath = new Dictionary<string, int>(StringComparer.Ordinal);
        Header? header = null;

        await foreach (var record in new CsvReader(reader).ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (header is null)
            {
                header = ReadHeader(file, record);
                continue;
            }

            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var entry = ReadRow(file, root, header, record, firstLineOfPath, options, problems);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        if (header is null)
        {
            throw new DatasetException(new DatasetProblem(file, 1, "empty manifest: expected a header 'path,labels[,split|fold,...]'"));
        }

        if (problems.Count == 0 && entries.Count == 0)
        {
            problems.Add(new DatasetProblem(file, null, "the manifest lists no files"));
        }

        if (problems.Count > 0)
        {
            throw new DatasetException([.. problems.Take(options.MaxReportedProblems)], problems.Count);
        }

        return new Dataset(root, entries, file, header.ExtraColumns);
    }

    private static Header ReadHeader(string file, CsvRecord record)
    {
        var names = record.Fields.Select(name => name.Trim()).ToArray();
        var problems = new List<string>();
        if (record.Error is not null)
        {
            problems.Add(record.Error);
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                problems.Add($"column {i + 1} of the header has no name");
            }
            else if (!index.TryAdd(names[i], i))
            {
                problems.Add($"column '{names[i]}' appears twice in the header");
            }
        }

        var missing = new[] { ManifestColumns.Path, ManifestColumns.Labels }.Where(name => !index.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            problems.Add($"missing header column(s) {string.Join(", ", missing.Select(name => $"'{name}'"))}; " +
                $"expected 'path,labels[,split|fold,...]', found '{string.Join(',', names)}'");
        }

        if (problems.Count > 0)
        {
            throw new DatasetException([.. problems.Select(message => new DatasetProblem(file, record.Line, message))], problems.Count);
        }

        var known = new HashSet<string>([ManifestColumns.Path, ManifestColumns.Labels, ManifestColumns.Split, ManifestColumns.Fold], StringComparer.OrdinalIgnoreCase);
        return new Header(
            names,
            index[ManifestColumns.Path],
            index[ManifestColumns.Labels],
            index.TryGetValue(ManifestColumns.Split, out var split) ? split : null,
            index.TryGetValue(ManifestColumns.Fold, out var fold) ? fold : null,
            [.. names.Where(name => !known.Contains(name))]);
    }

    private static DatasetEntry? ReadRow(
        string file, string root, Header header, CsvRecord record, Dictionary<string, int> firstLineOfPath, ManifestOptions options, List<DatasetProblem> problems)
    {
        var line = record.Line;
        var before = problems.Count;
        void Problem(string message) => problems.Add(new DatasetProblem(file, line, message));

        if (record.Error is not null)
        {
            Problem(record.Error);
        }

        var fields = record.Fields;
        if (fields.Count != header.Names.Count)
        {
            Problem($"expected {header.Names.Count} fields, found {fields.Count}");
            return null;
        }

        var rawPath = fields[header.PathIndex];
        if (!DatasetPath.TryResolve(root, rawPath, out var relativePath, out var fullPath, out var pathError))
        {
            Problem(pathError);
        }
        else if (!firstLineOfPath.TryAdd(relativePath, line))
        {
            Problem($"duplicate path '{relativePath}' (first listed on line {firstLineOfPath[relativePath]})");
        }
        else if (options.CheckFilesExist && !File.Exists(fullPath))
        {
            Problem($"file not found: '{relativePath}'");
        }

        var labels = fields[header.LabelsIndex]
            .Split(ManifestColumns.LabelSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (labels.Length == 0)
        {
            Problem("empty labels");
        }

        SplitPart? split = null;
        if (header.SplitIndex is { } splitIndex)
        {
            split = ParseSplit(fields[splitIndex]);
            if (split is null)
            {
                Problem($"split '{fields[splitIndex]}' is not one of train, validation (val, valid), test");
            }
        }

        int? fold = null;
        if (header.FoldIndex is { } foldIndex)
        {
            if (int.TryParse(fields[foldIndex].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                fold = value;
            }
            else
            {
                Problem($"fold '{fields[foldIndex]}' is not an integer");
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i != header.PathIndex && i != header.LabelsIndex && i != header.SplitIndex && i != header.FoldIndex)
            {
                extra[header.Names[i]] = fields[i];
            }
        }

        return new DatasetEntry
        {
            RelativePath = relativePath,
            FullPath = fullPath,
            Labels = labels,
            Split = split,
            Fold = fold,
            Extra = extra.AsReadOnly(),
            Line = line,
        };
    }

    private static SplitPart? ParseSplit(string value) => value.Trim().ToLowerInvariant() switch
    {
        "train" => SplitPart.Train,
        "validation" or "val" or "valid" => SplitPart.Validation,
        "test" => SplitPart.Test,
        _ => null,
    };

    private sealed record Header(
        IReadOnlyList<string> Names, int PathIndex, int LabelsIndex, int? SplitIndex, int? FoldIndex, IReadOnlyList<string> ExtraColumns);
}
