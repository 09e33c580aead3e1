namespace OrleansGenres.Grains.Models;

/// <summary>The registered version, and whether this call added it (false: it was registered already).</summary>
public sealed record RegistrationOutcome(RegisteredModel Model, bool Created);
