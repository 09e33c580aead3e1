using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Host.Auth;

namespace OrleansGenres.Host.Api;

/// <summary>
/// <c>/api/datasets</c>: the tenant's datasets, their versions and descriptions (any key of the tenant), and uploads
/// (admin scope). Everything is per tenant: another tenant's dataset is a 404.
/// </summary>
public static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasetEndpoints(this IEndpointRouteBuilder app)
    {
        var datasets = app.MapGroup("/api/datasets").WithTags("Datasets").RequireAuthorization();
        datasets.MapGet("/", ListAsync).WithName("ListDatasets").WithSummary("The tenant's datasets.")
            .Produces<DatasetListResponse>();
        datasets.MapGet("/{name}", GetVersionsAsync).WithName("GetDataset").WithSummary("One dataset's versions, newest first.")
            .Produces<DatasetVersionsResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        datasets.MapGet("/{name}/{version}", DescribeAsync).WithName("DescribeDatasetVersion")
            .WithSummary("One version: labels with counts, tracks, splits and folds, multi-label, total bytes, files (path, SHA-256, bytes).")
            .Produces<DatasetDescription>().ProducesProblem(StatusCodes.Status404NotFound);
        datasets.MapPost("/", ImportAsync).RequireAuthorization("admin").DisableAntiforgery()
            .WithName("ImportDataset")
            .WithSummary("Register a dataset version (multipart: 'name' (or ?name=), 'manifest' (CSV path,labels[,split|fold,...]) and the audio files named like the manifest's paths). Admin scope.")
            .Produces<DatasetImportResponse>(StatusCodes.Status201Created).Produces<DatasetImportResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return datasets;
    }

    private static async Task<IResult> ListAsync(HttpContext context, DatasetCatalogs catalogs, CancellationToken cancellationToken)
    {
        var state = await catalogs.Get(context.User.Tenant()).GetAsync(cancellationToken) ?? new DatasetCatalogState();
        return Results.Ok(new DatasetListResponse([.. state.Datasets.Select(DatasetSummaryResponse.From)]));
    }

    private static async Task<IResult> GetVersionsAsync(string name, HttpContext context, DatasetCatalogs catalogs, CancellationToken cancellationToken) =>
        await catalogs.Get(context.User.Tenant()).FindAsync(name, cancellationToken) is { } dataset
            ? Results.Ok(new DatasetVersionsResponse(dataset.Name, [.. dataset.Versions.Reverse().Select(v => DatasetVersionResponse.From(dataset.Name, v))]))
            : NotFound($"No dataset '{Shorten(name)}'.");

    private static async Task<IResult> DescribeAsync(string name, string version, HttpContext context, DatasetCatalogs catalogs, CancellationToken cancellationToken) =>
        await catalogs.Get(context.User.Tenant()).DescribeAsync(name, version, cancellationToken) is { } description
            ? Results.Ok(description)
            : NotFound($"No dataset version '{Shorten(name)}/{Shorten(version)}'.");

    private static async Task<IResult> ImportAsync(
        HttpRequest request, DatasetUploadReader reader, DatasetCatalogs catalogs, CancellationToken cancellationToken)
    {
        DatasetUpload upload;
        try
        {
            upload = await reader.ReadAsync(request, cancellationToken);
        }
        catch (DatasetUploadException e)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Dataset not accepted", detail: string.Join("\n", e.Problems),
                extensions: new Dictionary<string, object?> { ["problems"] = e.Problems });
        }

        using (upload)
        {
            var name = request.Query["name"].FirstOrDefault() ?? upload.Name;
            if (!DatasetName.IsValid(name))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest, title: "Dataset not accepted",
                    detail: $"'{Shorten(name ?? "")}' is not a dataset name: send a 'name' field of 1-{DatasetName.MaxLength} lower-case letters, digits or '-'.");
            }

            var outcome = await catalogs.Get(request.HttpContext.User.Tenant()).ImportAsync(name!, upload.Dataset, cancellationToken);
            var body = new DatasetImportResponse(outcome.Created, outcome.Name, DatasetVersionResponse.From(outcome.Name, outcome.Version));
            return outcome.Created ? Results.Created(body.Version.Href, body) : Results.Ok(body);
        }
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dataset not found", detail: detail);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
