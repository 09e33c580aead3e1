using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>One version as stored: its registry entry, the card's JSON and the optional evaluation report.</summary>
public sealed record ModelVersionDetails(RegisteredModel Model, bool Active, string CardJson, string? ReportJson, string? ReportText);
