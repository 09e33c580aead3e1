namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// A comparison that cannot be made as asked (fewer than two models, different label sets, different tracks, or, in
/// the service, unknown versions and datasets). Every problem is listed. An <see cref="ArgumentException"/>: the
/// caller chose the models, so the command line answers it as a usage error and the service with a 400.
/// </summary>
public sealed class ModelComparisonException : ArgumentException
{
    public ModelComparisonException(IReadOnlyList<string> problems, Exception? innerException = null)
        : base(string.Join("; ", problems), innerException)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        Problems = problems;
    }

    public ModelComparisonException(string problem, Exception? innerException = null)
        : this([problem], innerException)
    {
    }

    public IReadOnlyList<string> Problems { get; }
}
