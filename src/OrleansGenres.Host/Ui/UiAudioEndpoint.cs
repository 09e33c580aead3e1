using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Host.Auth;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Ui;

/// <summary>The original audio of a tenant's track for the UI's player, for the cookie session only.</summary>
public static class UiAudioEndpoint
{
    public static void MapUiAudio(this IEndpointRouteBuilder app) =>
        app.MapGet("/ui/tracks/{id}/audio", async (string id, HttpContext context, IObjectStore objects, CancellationToken cancellationToken) =>
        {
            if (!TrackId.TryParse(id, out var trackId) || await objects.GetAsync(TrackKeys.Audio(context.User.Tenant(), trackId), cancellationToken) is not { } stored)
            {
                return Results.NotFound();
            }

            context.Response.RegisterForDisposeAsync(stored);
            // Stored as octets (the bytes as uploaded): the browser sniffs the format itself.
            return Results.Stream(stored.Content, "application/octet-stream");
        }).RequireAuthorization(UiAuthentication.Policy);
}
