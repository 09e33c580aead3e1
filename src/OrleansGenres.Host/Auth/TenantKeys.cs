using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Host.Auth;

/// <summary>
/// The API keys this host accepts, looked up by their SHA-256 (so no key comparison leaks timing), plus the
/// development key made when no tenant is configured.
/// </summary>
public sealed class TenantKeys
{
    private readonly Dictionary<string, TenantIdentity> _byKeyHash = new(StringComparer.Ordinal);

    public TenantKeys(IOptions<AuthSettings> options)
    {
        var settings = options.Value;
        foreach (var (name, tenant) in settings.Tenants)
        {
            _byKeyHash[Hash(tenant.ApiKey)] = new TenantIdentity(new TenantId(name), tenant.Admin);
        }

        if (_byKeyHash.Count == 0)
        {
            DevKey = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            DevTenant = new TenantId(settings.DevTenant);
            _byKeyHash[Hash(DevKey)] = new TenantIdentity(DevTenant.Value, Admin: true);
        }
    }

    /// <summary>The generated development key, or null when tenants are configured.</summary>
    public string? DevKey { get; }

    public TenantId? DevTenant { get; }

    public TenantIdentity? Find(string key) => _byKeyHash.GetValueOrDefault(Hash(key));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>Who a key belongs to.</summary>
public sealed record TenantIdentity(TenantId Tenant, bool Admin);
