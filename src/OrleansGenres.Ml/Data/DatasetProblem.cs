namespace OrleansGenres.Ml.Data;

/// <summary>One thing wrong with a dataset: where (the file and, when there is one, its 1-based line) and what.</summary>
public sealed record DatasetProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
