using OrleansGenres.Grains;
using System.Text.Json;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Host.Auth;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Native;

namespace OrleansGenres.Host.Api;

/// <summary>
/// <c>/api/models</c>: the tenant's registered model versions, which one analyses new uploads, registration and
/// activation (both admin scope), and comparisons of versions on a dataset (any key). Everything is per tenant, like tracks.
/// </summary>
public static partial class ModelEndpoints
{
    /// <summary>The request-timeout policy of comparisons (<c>Comparison:Timeout</c>), longer than the default one.</summary>
    public const string ComparisonTimeoutPolicy = "comparison";

    public static RouteGroupBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        models.MapGet("/", ListAsync).WithName("ListModels").WithSummary("The tenant's registered versions and which one is active.")
            .Produces<ModelListResponse>();
        models.MapGet("/active", GetActiveAsync).WithName("GetActiveModel").WithSummary("The active model: name, version, labels, front end, metrics.")
            .Produces<ActiveModelResponse>();
        models.MapGet("/retag", GetRetagAsync).WithName("GetRetagJob").WithSummary("Progress of the re-tagging started by the latest activation.")
            .Produces<RetagJobResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{name}/{version}", GetVersionAsync).WithName("GetModelVersion").WithSummary("One version: registry entry, model card and evaluation report.")
            .Produces<ModelDetailsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        models.MapPost("/", RegisterAsync).RequireAuthorization("admin").DisableAntiforgery()
            .WithName("RegisterModel").WithSummary("Register a model version (multipart: model.json, model.pt, optional report.json/report.txt). Admin scope.")
            .Produces<RegistrationResponse>(StatusCodes.Status201Created).Produces<RegistrationResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        models.MapPost("/{name}/{version}/activate", ActivateAsync).RequireAuthorization("admin")
            .WithName("ActivateModel").WithSummary("Make a version the tenant's active model; body {\"retag\": true} (default) re-tags existing tracks, throttled. Admin scope.")
            .Accepts<ActivationRequest>("application/json")
            .Produces<ActivationResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        models.MapPost("/compare", CompareAsync)
            .WithName("CompareModels")
            .WithSummary("Compare registered versions on one part of a dataset version (default: the latest version's test part): each model's bootstrap mean and interval, every pair's paired bootstrap and McNemar test, as `genres compare --json`. "
                + "Body {\"dataset\", \"datasetVersion\"?, \"models\": [\"name@sha12\", ...], \"split\"?, \"fold\"?, \"bootstrap\"?}. Read-only: any key of the tenant.")
            .Produces<ModelComparisonResponse>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithRequestTimeout(ComparisonTimeoutPolicy);
        return models;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ModelRegistries registries, RegistryModelProvider models, CancellationToken cancellationToken)
    {
        var tenant = context.User.Tenant();
        var active = await models.GetActiveVersionAsync(tenant, cancellationToken);
        var state = await registries.Get(tenant).GetAsync() ?? new ModelRegistryState();
        return Results.Ok(new ModelListResponse(
            active,
            state.ActiveVersion is null ? "default" : "registry",
            [.. state.Versions.OrderByDescending(v => v.RegisteredAt).Select(v => ModelVersionResponse.From(v, active))]));
    }

    private static async Task<IResult> GetActiveAsync(HttpContext context, IActiveModelProvider models, CancellationToken cancellationToken)
    {
        var model = await models.GetActiveAsync(context.User.Tenant(), cancellationToken: cancellationToken);
        var card = model.Card;
        return Results.Ok(new ActiveModelResponse(
            card.Name,
            model.Version,
            card.Labels,
            card.MultiLabel,
            card.Aggregation.ToString().ToLowerInvariant(),
            card.FrontEnd.Mel.SampleRate,
            card.FrontEnd.Mel.NMels,
            card.FrontEnd.Windowing.WindowSeconds,
            card.FrontEnd.Windowing.HopSeconds,
            card.ParameterCount,
            card.Dataset?.Name,
            card.Metrics));
    }

    private static async Task<IResult> GetRetagAsync(HttpContext context, ModelRegistries registries) =>
        await registries.Get(context.User.Tenant()).GetRetagJobAsync() is { } job
            ? Results.Ok(RetagJobResponse.From(job))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No re-tagging", detail: "No activation has re-tagged this tenant's tracks yet.");

    private static async Task<IResult> GetVersionAsync(
        string name, string version, HttpContext context, ModelRegistries registries, RegistryModelProvider models, CancellationToken cancellationToken)
    {
        var tenant = context.User.Tenant();
        if (!TryParseVersion(name, version, out var id)
            || await registries.Get(tenant).GetVersionAsync(id, cancellationToken) is not { } details)
        {
            return VersionNotFound(name, version);
        }

        var active = await models.GetActiveVersionAsync(tenant, cancellationToken);
        using var card = JsonDocument.Parse(details.CardJson);
        JsonElement? report = null;
        if (details.ReportJson is { } reportJson)
        {
            using var parsed = JsonDocument.Parse(reportJson);
            report = parsed.RootElement.Clone();
        }

        return Results.Ok(new ModelDetailsResponse(ModelVersionResponse.From(details.Model, active), card.RootElement.Clone(), report, details.ReportText));
    }

    private static async Task<IResult> RegisterAsync(
        HttpRequest request, ModelRegistries registries, ScratchFolder scratch, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var tenant = request.HttpContext.User.Tenant();
        var directory = await ModelUploadReader.ReadAsync(request, scratch, cancellationToken);
        try
        {
            try
            {
                await ModelRegistry.ReadVerifiedAsync(directory, cancellationToken);
                // The weights must load into the network the card describes, or every analysis with it would fail.
                await Task.Run(() => TrackPredictor.Load(directory).Dispose(), cancellationToken);
            }
            catch (Exception e) when (e is ModelRegistrationException or ModelLoadException or InvalidDataException or ArgumentException or System.Runtime.InteropServices.ExternalException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Model not accepted", detail: (e is ModelLoadException load ? load.Reason : e.Message).Split('\n', 2)[0]);
            }

            var outcome = await registries.Get(tenant).RegisterAsync(directory, "upload", cancellationToken);
            LogRegistered(loggers.CreateLogger(typeof(ModelEndpoints)), tenant.Value, outcome.Model.Version, outcome.Created);
            var body = new RegistrationResponse(outcome.Created, ModelVersionResponse.From(outcome.Model, activeVersion: ""));
            return outcome.Created ? Results.Created(body.Model.Href, body) : Results.Ok(body);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<IResult> ActivateAsync(
        string name, string version, HttpRequest request, ModelRegistries registries, RegistryModelProvider models, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var tenant = request.HttpContext.User.Tenant();
        var retag = true;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                retag = (await request.ReadFromJsonAsync<ActivationRequest>(cancellationToken))?.Retag ?? true;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad activation request", detail: "The body, if any, is JSON like {\"retag\": false}.");
            }
        }

        if (!TryParseVersion(name, version, out var id) || await registries.Get(tenant).ActivateAsync(id, retag) is not { } activated)
        {
            return VersionNotFound(name, version);
        }

        // This node uses the new version at once; other nodes see it within their refresh interval.
        models.Forget(tenant);
        LogActivated(loggers.CreateLogger(typeof(ModelEndpoints)), tenant.Value, activated.Model.Version, retag);
        return Results.Ok(new ActivationResponse(
            activated.Model.Version,
            ModelVersionResponse.From(activated.Model, activated.Model.Version),
            activated.Retag is null ? null : RetagJobResponse.From(activated.Retag)));
    }

    private static async Task<IResult> CompareAsync(
        ModelComparisonRequest? request, HttpContext context, ModelComparisons comparisons, RegistryModelProvider models, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ComparisonRefused(["send a JSON body: {\"dataset\": \"name\", \"models\": [\"name@sha12\", \"name@sha12\"]}"]);
        }

        var tenant = context.User.Tenant();
        // A tenant's registry gets the default model on its first use: so the default is comparable from the first call.
        await models.GetActiveVersionAsync(tenant, cancellationToken);
        try
        {
            var result = await comparisons.CompareAsync(tenant, request, cancellationToken);
            // The command line's JSON dialect (NaN allowed, same member names), so the two answers can be diffed.
            return Results.Json(ModelComparisonResponse.From(result), ExperimentJson.Options);
        }
        catch (ModelComparisonException e)
        {
            return ComparisonRefused(e.Problems);
        }
    }

    private static IResult ComparisonRefused(IReadOnlyList<string> problems) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest, title: "Comparison not possible", detail: string.Join("\n", problems),
            extensions: new Dictionary<string, object?> { ["problems"] = problems });

    /// <summary>The route's name and version: <c>{sha12}</c> or the full <c>{name}@{sha12}</c>, with a valid name.</summary>
    private static bool TryParseVersion(string name, string version, out ModelVersionId id)
    {
        id = default;
        if (!ModelName.IsValid(name))
        {
            return false;
        }

        if (ModelName.IsValidHash(version))
        {
            id = new ModelVersionId(name, version);
            return true;
        }

        return ModelVersionId.TryParse(version, out id) && id.Name == name;
    }

    private static IResult VersionNotFound(string name, string version) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Model version not found", detail: $"This tenant has no version '{Shorten(version)}' of model '{Shorten(name)}'.");

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} registered model {Version} (new: {Created})")]
    private static partial void LogRegistered(ILogger logger, string tenant, string version, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} activated model {Version} (re-tag: {Retag})")]
    private static partial void LogActivated(ILogger logger, string tenant, string version, bool retag);
}

public sealed record ActiveModelResponse(
    string Name,
    string Version,
    IReadOnlyList<string> Labels,
    bool MultiLabel,
    string Aggregation,
    int SampleRate,
    int NMels,
    double WindowSeconds,
    double HopSeconds,
    long ParameterCount,
    string? Dataset,
    IReadOnlyDictionary<string, double>? Metrics);
