using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Host.Auth;

/// <summary>
/// Configuration section <c>Auth</c>: <c>Tenants:&lt;tenant&gt;:ApiKey</c> (env <c>Auth__Tenants__acme__ApiKey</c>) and
/// <c>Tenants:&lt;tenant&gt;:Admin</c>. With no tenant configured the host makes a development tenant with a random key
/// and prints it, so a fresh start is usable and never open.
/// </summary>
public sealed class AuthSettings
{
    public const int MinKeyLength = 16;

    public Dictionary<string, TenantSettings> Tenants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Name of the tenant made when none is configured.</summary>
    public string DevTenant { get; set; } = "dev";

    public IEnumerable<string> Validate()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tenant) in Tenants)
        {
            if (!TenantId.IsValid(name))
            {
                yield return $"Auth:Tenants:{name}: a tenant name is 1-{TenantId.MaxLength} lower-case letters, digits or '-'";
            }

            if (string.IsNullOrEmpty(tenant.ApiKey) || tenant.ApiKey.Length < MinKeyLength)
            {
                yield return $"Auth:Tenants:{name}:ApiKey must be at least {MinKeyLength} characters";
            }
            else if (!keys.Add(tenant.ApiKey))
            {
                yield return $"Auth:Tenants:{name}:ApiKey is also another tenant's key";
            }
        }

        if (!TenantId.IsValid(DevTenant))
        {
            yield return "Auth:DevTenant is not a valid tenant name";
        }
    }

    public sealed class TenantSettings
    {
        public string ApiKey { get; set; } = string.Empty;

        public bool Admin { get; set; }
    }
}
