namespace OrleansGenres.Ml.Training;

/// <summary>
/// The target layout the losses take: one class id per item (cross-entropy) or a 0/1 row of
/// <c>classes</c> values per item (BCE, focal).
/// </summary>
public static class TrainingTargets
{
    public static int Length(int items, int classes, bool rows) => rows ? items * classes : items;

    /// <summary>
    /// Writes item <paramref name="item"/>'s targets: a class id, or (<paramref name="rows"/>: multi-label, or
    /// single-label to be mixed up) a row with 1 at each label; rows must be zeroed beforehand.
    /// </summary>
    public static void Write(Span<float> targets, int item, IReadOnlyList<int> labelIds, int classes, bool rows)
    {
        if (!rows)
        {
            targets[item] = labelIds[0];
            return;
        }

        foreach (var id in labelIds)
        {
            targets[(item * classes) + id] = 1f;
        }
    }
}
