using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

/// <summary>
/// Every expected string here was printed by scikit-learn 1.2.1's classification_report (zero_division=0; for the
/// single-label cases labels=range(k) and target_names as given) and pasted verbatim.
/// </summary>
public sealed class ClassificationReportTests
{
    internal static readonly string[] TenGenres =
        ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    // numpy default_rng(7): 60 random tracks, 60 % predicted right, hiphop (4) never predicted.
    internal static readonly int[] GenreTruth =
    [
        9, 6, 6, 8, 5, 7, 8, 2, 0, 3, 2, 8, 9, 0, 4, 8, 1, 7, 1, 4, 8, 3, 3, 2, 7, 2, 9, 4, 4, 5,
        5, 5, 5, 9, 8, 7, 7, 6, 3, 9, 4, 2, 8, 1, 8, 6, 1, 0, 4, 0, 1, 5, 9, 4, 8, 9, 8, 6, 4, 5,
    ];

    internal static readonly int[] GenrePredicted =
    [
        9, 6, 6, 8, 5, 7, 8, 2, 5, 3, 2, 7, 9, 0, 7, 3, 1, 7, 1, 1, 8, 3, 3, 2, 7, 2, 0, 5, 5, 5,
        6, 3, 0, 9, 8, 7, 7, 6, 9, 9, 5, 2, 7, 9, 8, 1, 5, 9, 5, 0, 1, 7, 9, 5, 6, 1, 8, 6, 5, 5,
    ];

    [Fact]
    public void Single_label_report_matches_sklearn_with_an_unpredicted_class()
    {
        const string sklearn =
            "              precision    recall  f1-score   support\n\n       blues       0.40      0.67      0.50         3\n        jazz       0.33      0.50      0.40         2\n        rock       0.00      0.00      0.00         3\n\n    accuracy                           0.38         8\n   macro avg       0.24      0.39      0.30         8\nweighted avg       0.23      0.38      0.29         8\n";

        var metrics = SingleLabelMetrics.Compute(
            SingleLabelMetricsTests.Truth, SingleLabelMetricsTests.Predicted, SingleLabelMetricsTests.Genres);

        Assert.Equal(sklearn, ClassificationReport.Format(metrics));
        Assert.Equal(sklearn, metrics.Report());
    }

    [Fact]
    public void Digits_are_configurable()
    {
        const string sklearn =
            "              precision    recall  f1-score   support\n\n       blues     0.4000    0.6667    0.5000         3\n        jazz     0.3333    0.5000    0.4000         2\n        rock     0.0000    0.0000    0.0000         3\n\n    accuracy                         0.3750         8\n   macro avg     0.2444    0.3889    0.3000         8\nweighted avg     0.2333    0.3750    0.2875         8\n";

        var metrics = SingleLabelMetrics.Compute(
            SingleLabelMetricsTests.Truth, SingleLabelMetricsTests.Predicted, SingleLabelMetricsTests.Genres);

        Assert.Equal(sklearn, metrics.Report(digits: 4));
    }

    [Fact]
    public void Ten_genre_report_matches_sklearn()
    {
        const string sklearn =
            "              precision    recall  f1-score   support\n\n       blues      0.500     0.500     0.500         4\n   classical      0.500     0.600     0.545         5\n     country      1.000     1.000     1.000         5\n       disco      0.600     0.750     0.667         4\n      hiphop      0.000     0.000     0.000         8\n        jazz      0.273     0.429     0.333         7\n       metal      0.667     0.800     0.727         5\n         pop      0.556     1.000     0.714         5\n      reggae      1.000     0.600     0.750        10\n        rock      0.625     0.714     0.667         7\n\n    accuracy                          0.600        60\n   macro avg      0.572     0.639     0.590        60\nweighted avg      0.572     0.600     0.568        60\n";

        var metrics = SingleLabelMetrics.Compute(GenreTruth, GenrePredicted, TenGenres);

        Assert.Equal(sklearn, metrics.Report(digits: 3));
    }

    [Fact]
    public void Multi_label_report_matches_sklearn_and_rounds_half_to_even()
    {
        // samples avg precision is exactly 0.625: Python prints 0.62 (half to even), so must we.
        const string sklearn =
            "              precision    recall  f1-score   support\n\n      guitar       1.00      1.00      1.00         2\n      vocals       1.00      0.50      0.67         2\n       drums       0.00      0.00      0.00         1\n\n   micro avg       0.75      0.60      0.67         5\n   macro avg       0.67      0.50      0.56         5\nweighted avg       0.80      0.60      0.67         5\n samples avg       0.62      0.50      0.50         5\n";

        var metrics = MultiLabelMetrics.Compute(
            MultiLabelMetricsTests.Truth, MultiLabelMetricsTests.Predicted, MultiLabelMetricsTests.Tags);

        Assert.Equal(sklearn, ClassificationReport.Format(metrics));
    }

    [Fact]
    public void Report_of_thresholded_scores_with_a_long_label_matches_sklearn()
    {
        // sklearn got predictions = scores >= 0.5; the first column's name is wider than "weighted avg".
        const string sklearn =
            "                 precision    recall  f1-score   support\n\nacoustic guitar       0.75      0.75      0.75         4\n         vocals       0.67      0.67      0.67         3\n          drums       0.25      0.33      0.29         3\n          piano       0.71      0.83      0.77         6\n          synth       0.50      0.75      0.60         4\n\n      micro avg       0.58      0.70      0.64        20\n      macro avg       0.58      0.67      0.61        20\n   weighted avg       0.60      0.70      0.64        20\n    samples avg       0.59      0.68      0.57        20\n";

        var predicted = Thresholding.Apply(ThresholdingTests.Scores, 0.5f);
        var metrics = MultiLabelMetrics.Compute(ThresholdingTests.Truth, predicted, ThresholdingTests.Instruments);

        Assert.Equal(sklearn, metrics.Report());
    }
}
