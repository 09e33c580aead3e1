namespace OrleansGenres.Abstractions.Tenancy;

/// <summary>
/// A tenant's name as configured (<c>Auth:Tenants:&lt;tenant&gt;</c>): lower-case letters, digits and '-', 1-40
/// characters. Every storage key starts with it, so one tenant's objects never mix with another's.
/// </summary>
public readonly record struct TenantId
{
    public const int MaxLength = 40;

    public TenantId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"Invalid tenant '{value}': use 1-{MaxLength} lower-case letters, digits or '-'.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static bool IsValid(string? value) => KeySegment.IsSlug(value, MaxLength);

    public override string ToString() => Value;
}
