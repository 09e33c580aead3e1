using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>A model offered for registration is not acceptable (bad card, name, hash or weights); the message says why.</summary>
public sealed class ModelRegistrationException(string message) : Exception(message);
