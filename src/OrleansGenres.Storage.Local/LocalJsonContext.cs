using System.Text.Json.Serialization;

namespace OrleansGenres.Storage.Local;

/// <summary>Source-generated JSON for the small files Local writes (no reflection, no shared mutable options).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ObjectFileHeader))]
[JsonSerializable(typeof(LeaseRecord))]
[JsonSerializable(typeof(MessageContent))]
internal sealed partial class LocalJsonContext : JsonSerializerContext;
