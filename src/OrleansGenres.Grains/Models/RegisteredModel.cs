namespace OrleansGenres.Grains.Models;

/// <summary>One registered version as the registry document lists it (the card itself stays in its own object).</summary>
public sealed record RegisteredModel(
    string Name,
    string Version,
    string Hash,
    DateTimeOffset RegisteredAt,
    string WeightsSha256,
    string CardSha256,
    long ParameterCount,
    IReadOnlyDictionary<string, double>? Metrics,
    bool HasReport,
    string Origin)
{
    public ModelVersionId Id => new(Name, Hash);
}
