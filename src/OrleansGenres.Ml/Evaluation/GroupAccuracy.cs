namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Accuracy within a group of mutually exclusive labels named by a manifest column (e.g. <c>instrument</c> among
/// multi-label tags): the group label with the highest score must be the track's value in that column.
/// </summary>
public sealed record GroupAccuracy(string Column, IReadOnlyList<string> Labels, int Tracks, int Correct)
{
    public double Accuracy => Tracks == 0 ? 0 : (double)Correct / Tracks;

    /// <summary>Groups for every extra column whose values are model labels (at least two distinct, on ≥ 90 % of tracks).</summary>
    public static IReadOnlyList<GroupAccuracy> Find(TrackPredictions predictions, IReadOnlyList<IReadOnlyDictionary<string, string>> extraColumns)
    {
        var labelIds = predictions.Labels.Select((label, i) => (label, i)).ToDictionary(pair => pair.label, pair => pair.i, StringComparer.Ordinal);
        var columns = extraColumns.SelectMany(extra => extra.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        var result = new List<GroupAccuracy>();
        foreach (var column in columns)
        {
            var values = extraColumns.Select(extra => extra.TryGetValue(column, out var value) && labelIds.ContainsKey(value) ? value : null).ToArray();
            var groupLabels = values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (groupLabels.Length < 2 || values.Count(value => value is not null) < 0.9 * values.Length)
            {
                continue;
            }

            var ids = groupLabels.Select(label => labelIds[label]).ToArray();
            int tracks = 0, correct = 0;
            for (var t = 0; t < values.Length; t++)
            {
                if (values[t] is not { } truth)
                {
                    continue;
                }

                tracks++;
                var best = ids.MaxBy(id => predictions.Scores[t][id]);
                correct += predictions.Labels[best] == truth ? 1 : 0;
            }

            result.Add(new GroupAccuracy(column, groupLabels, tracks, correct));
        }

        return result;
    }
}
