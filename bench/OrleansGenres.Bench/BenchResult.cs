namespace OrleansGenres.Bench;

/// <summary>One measured figure: audio seconds processed per wall second, and peak memory where measured.</summary>
internal sealed record BenchResult(string Name, double RealtimeFactor, double? PeakRssMegabytes = null, string Notes = "");
