namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Expected metrics of guessing each test item's class at random with the training class prior, independently of
/// the item (sklearn's <c>DummyClassifier(strategy="stratified")</c>).
/// </summary>
/// <param name="Prior">Training class frequencies, the guessing distribution.</param>
/// <param name="Accuracy">
/// Exact expectation, analytic: Σ_c q_c·π_c with q the test class shares and π the prior.
/// </param>
/// <param name="BalancedAccuracy">
/// Exact expectation, analytic: each class's expected recall is its prior π_c, so the expectation is the mean of
/// π_c over the classes present in the test truth.
/// </param>
/// <param name="MacroF1">
/// Simulated: F1 is a ratio of random counts with no closed-form expectation, so this is the mean macro F1 over
/// <see cref="Simulations"/> seeded draws of the predictions.
/// </param>
/// <param name="MacroF1StandardError">Monte Carlo standard error of <see cref="MacroF1"/>.</param>
public sealed record RandomBaseline(
    IReadOnlyList<double> Prior,
    double Accuracy,
    double BalancedAccuracy,
    double MacroF1,
    double MacroF1StandardError,
    int Simulations,
    int Seed);
