namespace OrleansGenres.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, diagnostics and progress to <see cref="Error"/>.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
