using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using MudBlazor.Services;
using OrleansGenres.Host.Ui.Components;

namespace OrleansGenres.Host.Ui;

/// <summary>The web UI in the api role: Blazor components with interactive server rendering, MudBlazor, cookie sign-in.</summary>
public static class UiSetup
{
    public static IServiceCollection AddGenresUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        return services;
    }

    public static WebApplication MapGenresUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapUiAudio();
        app.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            // A form post of the signed-in page: without its antiforgery token another site could sign the user out.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad form", detail: "The form's antiforgery token is missing or stale: reload the page.");
            }

            await context.SignOutAsync(UiAuthentication.Scheme);
            return Results.Redirect(UiAuthentication.SignInPath);
        }).DisableAntiforgery();
        return app;
    }
}
