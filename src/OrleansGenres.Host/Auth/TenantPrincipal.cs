using System.Security.Claims;
using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Host.Auth;

/// <summary>The tenant of an authenticated request.</summary>
public static class TenantPrincipal
{
    public static TenantId Tenant(this ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value is { } name
            ? new TenantId(name)
            : throw new InvalidOperationException("The request is not authenticated with a tenant key.");
}
