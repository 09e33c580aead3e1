namespace OrleansGenres.Ml.Inference;

/// <summary>A model directory that cannot be used, and why.</summary>
public sealed class ModelLoadException(string directory, string reason) : IOException($"model {directory}: {reason}")
{
    public string Directory { get; } = directory;

    /// <summary>What is wrong, without the folder (for answers that must not show server paths).</summary>
    public string Reason { get; } = reason;
}
