using System.Globalization;
using System.Text;
using OrleansGenres.Ml.Data;

using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// Writes a dataset's entries as a canonical manifest (<c>path,labels[,split][,fold][,extra...]</c>, RFC 4180 quoting):
/// read back with <see cref="ManifestLoader"/> it gives the same entries, hence the same version, whether the
/// dataset came from a manifest or a folder per class.
/// </summary>
public static class DatasetManifestWriter
{
    public static byte[] Write(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var hasSplit = dataset.HasSplitColumn;
        var hasFold = dataset.Folds.Count > 0;
        var text = new StringBuilder();
        var header = new List<string> { ManifestColumns.Path, ManifestColumns.Labels };
        if (hasSplit)
        {
            header.Add(ManifestColumns.Split);
        }

        if (hasFold)
        {
            header.Add(ManifestColumns.Fold);
        }

        header.AddRange(dataset.ExtraColumns);
        AppendRow(text, header);
        foreach (var entry in dataset.Entries.OrderBy(e => e.RelativePath, StringComparer.Ordinal))
        {
            var row = new List<string> { entry.RelativePath, string.Join(ManifestColumns.LabelSeparator, entry.Labels) };
            if (hasSplit)
            {
                row.Add(entry.Split?.ToString().ToLowerInvariant() ?? string.Empty);
            }

            if (hasFold)
            {
                row.Add(entry.Fold?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            }

            row.AddRange(dataset.ExtraColumns.Select(column => entry.Extra.GetValueOrDefault(column, string.Empty)));
            AppendRow(text, row);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            var quote = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field.Length != field.Trim().Length;
            text.Append(quote ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        text.Append('\n');
    }
}
