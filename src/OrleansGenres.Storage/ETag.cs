namespace OrleansGenres.Storage;

/// <summary>An opaque version tag of a stored object; it changes on every write of the object.</summary>
public readonly record struct ETag(string Value)
{
    public override string ToString() => Value;
}
