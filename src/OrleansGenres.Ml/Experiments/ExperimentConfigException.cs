namespace OrleansGenres.Ml.Experiments;

/// <summary>A config that cannot run, with every problem found (so one edit can fix them all).</summary>
public sealed class ExperimentConfigException(string source, IReadOnlyList<string> errors)
    : ArgumentException($"{source}: {string.Join("; ", errors)}")
{
    public string ConfigSource { get; } = source;

    public IReadOnlyList<string> Errors { get; } = errors;
}
