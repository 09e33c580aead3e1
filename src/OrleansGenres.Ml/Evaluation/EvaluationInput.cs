namespace OrleansGenres.Ml.Evaluation;

/// <summary>Argument checks and reshaping shared by the evaluation entry points.</summary>
internal static class EvaluationInput
{
    /// <summary>A private copy of the class names, so a caller mutating its list cannot change a result.</summary>
    public static IReadOnlyList<string> Copy(IReadOnlyList<string> labels, string paramName)
    {
        ArgumentNullException.ThrowIfNull(labels, paramName);
        if (labels.Count == 0)
        {
            throw new ArgumentException("At least one class label is required.", paramName);
        }

        var copy = new string[labels.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = labels[i] ?? throw new ArgumentException($"Label {i} is null.", paramName);
        }

        return Array.AsReadOnly(copy);
    }

    /// <summary>Checks that every index lies in [0, count); bootstrap resamples repeat indices, which is fine.</summary>
    public static void CheckIndices(ReadOnlySpan<int> indices, int count, string paramName)
    {
        if (indices.IsEmpty)
        {
            throw new ArgumentException("No items to evaluate.", paramName);
        }

        foreach (var i in indices)
        {
            if ((uint)i >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(paramName, i, $"Item index outside [0, {count}).");
            }
        }
    }

    public static int[] Identity(int count)
    {
        var indices = new int[count];
        for (var i = 0; i < count; i++)
        {
            indices[i] = i;
        }

        return indices;
    }

    /// <summary>Copies a jagged array into a rectangular one, requiring every row to have the same length.</summary>
    public static T[,] ToRectangular<T>(T[][] rows, string paramName)
    {
        ArgumentNullException.ThrowIfNull(rows, paramName);
        var width = rows.Length == 0 ? 0 : (rows[0]?.Length ?? 0);
        var result = new T[rows.Length, width];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Row {i} is null.", paramName);
            if (row.Length != width)
            {
                throw new ArgumentException($"Row {i} has {row.Length} columns, row 0 has {width}.", paramName);
            }

            for (var j = 0; j < width; j++)
            {
                result[i, j] = row[j];
            }
        }

        return result;
    }
}
