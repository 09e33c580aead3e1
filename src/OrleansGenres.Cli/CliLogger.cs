using Microsoft.Extensions.Logging;

namespace OrleansGenres.Cli;

/// <summary>
/// Log lines on the CLI's error stream, one per event, rendered from the structured template. Small on purpose: the
/// CLI has one output and no log configuration, so a logging host would only add start-up time.
/// </summary>
internal sealed class CliLogger(TextWriter writer, LogLevel minimum = LogLevel.Information) : ILogger
{
    private readonly Lock _gate = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var prefix = logLevel >= LogLevel.Warning ? $"{logLevel.ToString().ToLowerInvariant()}: " : string.Empty;
        lock (_gate)
        {
            writer.WriteLine(prefix + formatter(state, exception));
        }
    }
}
