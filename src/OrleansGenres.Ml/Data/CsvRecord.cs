namespace OrleansGenres.Ml.Data;

/// <summary>One CSV record: the 1-based line it starts on, its fields, and what was malformed about it, if anything.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error);
