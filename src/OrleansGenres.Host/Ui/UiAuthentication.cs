using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OrleansGenres.Host.Auth;

namespace OrleansGenres.Host.Ui;

/// <summary>
/// The web UI's session: a tenant's API key, given once on the sign-in page, becomes an HttpOnly, SameSite=Strict
/// cookie (Secure under HTTPS) carrying the tenant and, for admin keys, the admin role — the claims an API key gives.
/// Only the UI's pages accept the cookie; the JSON API keeps asking for the key on every request, so a cookie can never
/// drive it from another site.
/// </summary>
public static class UiAuthentication
{
    public const string Scheme = "GenresUi";

    /// <summary>The authorization policy of the UI's pages: a signed-in cookie session.</summary>
    public const string Policy = "ui";

    /// <summary>The default scheme: the API key when the request sends one, else the cookie.</summary>
    public const string KeyOrCookieScheme = "KeyOrCookie";

    public const string SignInPath = "/sign-in";

    public static AuthenticationBuilder AddUiCookie(this AuthenticationBuilder authentication) =>
        authentication
            .AddPolicyScheme(KeyOrCookieScheme, "API key or web UI session", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.SendsKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : Scheme)
            .AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "genres-ui";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = SignInPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });

    /// <summary>The principal a valid key signs in as; null for an unknown key.</summary>
    public static ClaimsPrincipal? PrincipalFor(TenantKeys keys, string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || keys.Find(apiKey.Trim()) is not { } identity)
        {
            return null;
        }

        List<Claim> claims = [new(ApiKeyAuthenticationHandler.TenantClaim, identity.Tenant.Value), new(ClaimTypes.Name, identity.Tenant.Value)];
        if (identity.Admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, ApiKeyAuthenticationHandler.AdminRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }
}
