namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// A percentile bootstrap confidence interval.
/// </summary>
/// <param name="Estimate">The statistic on the original items (every index once): the number to report.</param>
/// <param name="Mean">Mean of the statistic over the resamples (differs from Estimate by the bootstrap bias).</param>
/// <param name="Lower">The (1 − Level)/2 quantile of the resampled statistic.</param>
/// <param name="Upper">The (1 + Level)/2 quantile of the resampled statistic.</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="ValidResamples">Resamples whose statistic was not NaN; only these enter Mean, Lower and Upper.</param>
public sealed record BootstrapInterval(
    double Estimate,
    double Mean,
    double Lower,
    double Upper,
    double Level,
    int Resamples,
    int ValidResamples,
    int Seed)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
