using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

public sealed class ConfusionMatrixTests
{
    private static ConfusionMatrix Matrix => ConfusionMatrix.Compute(
        SingleLabelMetricsTests.Truth, SingleLabelMetricsTests.Predicted, SingleLabelMetricsTests.Genres);

    [Fact]
    public void Rows_are_truth_and_columns_predictions()
    {
        // truth 0 0 0 1 1 2 2 2 / predicted 0 0 1 1 0 0 1 0; sklearn 1.2.1 confusion_matrix gives the same
        int[,] expected = { { 2, 1, 0 }, { 1, 1, 0 }, { 2, 1, 0 } };

        Assert.Equal(expected, Matrix.ToArray());
        Assert.Equal(8, Matrix.Total);
        Assert.Equal(3, Matrix.RowTotal(2));    // rock support
        Assert.Equal(5, Matrix.ColumnTotal(0)); // predicted blues
        Assert.Equal(0, Matrix.ColumnTotal(2)); // rock never predicted
    }

    [Fact]
    public void ToArray_is_a_copy()
    {
        var matrix = Matrix;
        var counts = matrix.ToArray();
        counts[0, 0] = 99;

        Assert.Equal(2, matrix[0, 0]);
    }

    [Fact]
    public void Format_renders_an_aligned_count_table()
    {
        const string expected =
            "true\\pred  blues  jazz  rock\n" +
            "    blues      2     1     0\n" +
            "     jazz      1     1     0\n" +
            "     rock      2     1     0\n";

        Assert.Equal(expected, Matrix.Format());
    }

    [Fact]
    public void Normalized_format_shows_row_fractions()
    {
        // blues row 2/3, 1/3, 0; jazz 1/2, 1/2, 0; rock 2/3, 1/3, 0
        const string expected =
            "true\\pred  blues  jazz  rock\n" +
            "    blues   0.67  0.33  0.00\n" +
            "     jazz   0.50  0.50  0.00\n" +
            "     rock   0.67  0.33  0.00\n";

        Assert.Equal(expected, Matrix.Format(normalize: true));
    }
}
