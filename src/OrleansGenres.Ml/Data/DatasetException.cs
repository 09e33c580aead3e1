using System.Text;

namespace OrleansGenres.Ml.Data;

/// <summary>
/// A dataset (a manifest, a class folder, or a selection or split over one) cannot be used. Loading collects every
/// problem so one run shows them all; <see cref="Problems"/> holds the first few and <see cref="TotalProblems"/> says
/// how many there were.
/// </summary>
public sealed class DatasetException : Exception
{
    public DatasetException(IReadOnlyList<DatasetProblem> problems, int totalProblems)
        : base(Describe(problems, totalProblems))
    {
        Problems = problems;
        TotalProblems = totalProblems;
    }

    public DatasetException(DatasetProblem problem)
        : this([problem], 1)
    {
    }

    public IReadOnlyList<DatasetProblem> Problems { get; }

    public int TotalProblems { get; }

    /// <summary>The file of the first problem.</summary>
    public string File => Problems[0].File;

    /// <summary>The line of the first problem, where it has one.</summary>
    public int? Line => Problems[0].Line;

    private static string Describe(IReadOnlyList<DatasetProblem> problems, int totalProblems)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        if (totalProblems <= 1)
        {
            return problems[0].ToString();
        }

        var text = new StringBuilder();
        text.Append(totalProblems).Append(" problems");
        if (problems.Count < totalProblems)
        {
            text.Append(", the first ").Append(problems.Count);
        }

        text.Append(':');
        foreach (var problem in problems)
        {
            text.AppendLine().Append("  ").Append(problem);
        }

        return text.ToString();
    }
}
