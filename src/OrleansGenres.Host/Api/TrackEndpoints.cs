using System.Diagnostics;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Host.Auth;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Api;

/// <summary>
/// <c>/api/tracks</c>: upload, read, list, delete, re-analyse. Every route works inside the caller's tenant: another
/// tenant's track answers 404 exactly like one that does not exist. Each route calls the track's grain (key: tenant +
/// track id); the list comes from the tenant's index grains.
/// </summary>
public static class TrackEndpoints
{
    public static RouteGroupBuilder MapTrackEndpoints(this IEndpointRouteBuilder app)
    {
        var tracks = app.MapGroup("/api/tracks").WithTags("Tracks").RequireAuthorization();

        tracks.MapPost("/", UploadAsync)
            .WithName("UploadTrack")
            .WithSummary("Upload audio (multipart file field, or the raw body); answers 202 + Location while it is analysed.")
            .Produces<TrackResponse>(StatusCodes.Status202Accepted)
            .Produces<TrackResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();
        tracks.MapGet("/{id}", GetAsync).WithName("GetTrack").WithSummary("A track's status, tags, model and timings.")
            .Produces<TrackResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        tracks.MapGet("/{id}/windows", GetWindowsAsync).WithName("GetTrackWindows").WithSummary("The per-window timeline of the latest analysis.")
            .Produces<TrackWindowsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        tracks.MapGet("/", ListAsync).WithName("ListTracks").WithSummary("The tenant's tracks, newest first; filter by status and assigned tag.")
            .Produces<TrackListResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
        tracks.MapDelete("/{id}", DeleteAsync).WithName("DeleteTrack").WithSummary("Delete a track, its audio and its results.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        tracks.MapPost("/{id}/reanalyze", ReanalyzeAsync).WithName("ReanalyzeTrack").WithSummary("Queue the track again with the active model (200 when it is already analysed with it).")
            .Produces<TrackResponse>(StatusCodes.Status202Accepted).Produces<TrackResponse>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return tracks;
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, UploadSpooler spooler, TrackUploads uploads, CancellationToken cancellationToken)
    {
        await using var upload = await spooler.SpoolAsync(request, cancellationToken);
        var outcome = await uploads.AcceptAsync(request.HttpContext.User.Tenant(), upload, cancellationToken);
        var body = TrackResponse.From(outcome.State);
        var location = body.Links.Self;
        if (outcome.State.Status is TrackStatus.Completed or TrackStatus.Failed)
        {
            // The same bytes were uploaded before and are done: the answer is the track as it stands.
            request.HttpContext.Response.Headers.Location = location;
            return Results.Ok(body);
        }

        return Results.Accepted(location, body);
    }

    private static ITrackGrain Track(IGrainFactory grains, TenantId tenant, TrackId id) => grains.GetGrain<ITrackGrain>(TrackKey.Of(tenant, id));

    private static async Task<IResult> GetAsync(string id, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!TrackId.TryParse(id, out var trackId) || await Track(grains, context.User.Tenant(), trackId).GetAsync(cancellationToken) is not { } state)
        {
            return NotFound(id);
        }

        return Results.Ok(TrackResponse.From(state));
    }

    private static async Task<IResult> GetWindowsAsync(string id, HttpContext context, IGrainFactory grains, IObjectStore objects, CancellationToken cancellationToken)
    {
        var tenant = context.User.Tenant();
        if (!TrackId.TryParse(id, out var trackId) || await Track(grains, tenant, trackId).GetAsync(cancellationToken) is not { } state)
        {
            return NotFound(id);
        }

        // The timeline of the analysis that stands: the state names its attempt, whose blob holds the windows.
        var windows = state.Analysis is { } analysis
            ? (await objects.GetJsonAsync<TrackWindows>(TrackKeys.Windows(tenant, trackId, analysis.Attempt), ct: cancellationToken))?.Value
            : null;
        return windows is not null
            ? Results.Ok(TrackWindowsResponse.From(windows))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No timeline yet", detail: $"Track {id} is {state.Status}: its windows appear once an analysis completes.");
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, TrackCatalog catalog, string? status, string? tag, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        TrackStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<TrackStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown status", detail: $"status must be one of {string.Join(", ", Enum.GetNames<TrackStatus>())}.");
            }

            wanted = parsed;
        }

        // Parsed here rather than bound, so "page=abc" is told what is wrong with it like any other bad value.
        if (!TryParsePaging(page, 1, int.MaxValue, out var pageNumber) || !TryParsePaging(pageSize, 50, TrackCatalog.MaxPageSize, out var size))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad paging",
                detail: $"page is a whole number from 1 and pageSize one from 1 to {TrackCatalog.MaxPageSize} (got page={Truncate(page ?? "")}, pageSize={Truncate(pageSize ?? "")}).");
        }

        var result = await catalog.ListAsync(context.User.Tenant(), wanted, string.IsNullOrEmpty(tag) ? null : tag, pageNumber, size, cancellationToken);
        return Results.Ok(new TrackListResponse([.. result.Items.Select(TrackResponse.From)], result.Page, result.PageSize, result.Total));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken) =>
        TrackId.TryParse(id, out var trackId) && await Track(grains, context.User.Tenant(), trackId).DeleteAsync(cancellationToken)
            ? Results.NoContent()
            : NotFound(id);

    private static async Task<IResult> ReanalyzeAsync(string id, HttpContext context, IGrainFactory grains, IActiveModelProvider models, CancellationToken cancellationToken)
    {
        if (!TrackId.TryParse(id, out var trackId))
        {
            return NotFound(id);
        }

        var version = await models.GetActiveVersionAsync(context.User.Tenant(), cancellationToken);
        var state = await Track(grains, context.User.Tenant(), trackId).ReanalyzeAsync(version, cancellationToken);
        return state switch
        {
            null => NotFound(id),
            { Status: TrackStatus.Analyzing } => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Being analysed", detail: $"Track {id} is being analysed right now; ask again once it is done."),
            { Status: TrackStatus.Completed } when state.Analysis?.ModelVersion == version => Results.Ok(TrackResponse.From(state)),
            _ => Results.Accepted($"/api/tracks/{state.TrackId}", TrackResponse.From(state)),
        };
    }

    private static bool TryParsePaging(string? text, int absent, int max, out int value)
    {
        if (text is null)
        {
            value = absent;
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Track not found", detail: $"There is no track '{Truncate(id)}' for this key.");

    private static string Truncate(string id) => id.Length <= 64 ? id : id[..64] + "…";
}
