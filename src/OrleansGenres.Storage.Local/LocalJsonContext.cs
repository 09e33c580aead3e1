using System.Text.Json.Serialization;

namespace OrleansGenres.Storage.Local;

/// <summary>Source-generated JSON for the small files Local writes (no reflection, no shared mutable options).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ObjectFileHeader))]
internal sealed partial class LocalJsonContext : JsonSerializerContext;
