using System.Text.Json;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Grains.Training;
using OrleansGenres.Host.Auth;
using OrleansGenres.Ml.Experiments;

namespace OrleansGenres.Host.Api;

/// <summary>
/// <c>/api/training-jobs</c>: submit an experiment on one of the tenant's datasets (validated before anything runs),
/// follow it, list, cancel and delete jobs. Submitting, cancelling and deleting are admin scope (a finished job registers a model);
/// reading is open to every key of the tenant. Another tenant's job is a 404.
/// </summary>
public static partial class TrainingJobEndpoints
{
    // A config is a few kilobytes; the cap keeps a request from parking megabytes of JSON in memory.
    private const int MaxRequestBytes = 256 * 1024;

    public static RouteGroupBuilder MapTrainingJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/training-jobs").WithTags("Training jobs").RequireAuthorization();
        jobs.MapPost("/", SubmitAsync).RequireAuthorization("admin")
            .WithName("SubmitTrainingJob")
            .WithSummary("Train a model: {\"dataset\": name, \"datasetVersion\"?: latest, \"config\": shipped name or config object, \"modelName\"?: config name, \"testFold\"?: k}. Admin scope.")
            .Accepts<TrainingJobRequest>("application/json")
            .Produces<TrainingJobResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        jobs.MapGet("/", ListAsync).WithName("ListTrainingJobs").WithSummary("The tenant's jobs, newest first.")
            .Produces<TrainingJobListResponse>();
        jobs.MapGet("/{id}", GetAsync).WithName("GetTrainingJob")
            .WithSummary("Status, phase, current epoch and step, ETA, per-epoch metrics history, checkpoint, registered model.")
            .Produces<TrainingJobResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization("admin")
            .WithName("CancelTrainingJob")
            .WithSummary("Cancel: a queued job at once, a running one at its next training step (it keeps its last checkpoint). Admin scope.")
            .Produces<TrainingJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        jobs.MapDelete("/{id}", DeleteAsync).RequireAuthorization("admin")
            .WithName("DeleteTrainingJob")
            .WithSummary("Delete an ended job and its checkpoint (a model it registered stays registered). Admin scope.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        return jobs;
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest request, DatasetCatalogs catalogs, IGrainFactory grains, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var tenant = request.HttpContext.User.Tenant();
        TrainingJobRequest? body;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken);
        }
        catch (JsonException e)
        {
            return Invalid([$"the body is not a training job request: {JsonErrors.Describe(e)}"]);
        }

        if (body is null)
        {
            return Invalid(["the body must be a JSON object: {\"dataset\": ..., \"config\": ...}"]);
        }

        var id = TrainingJobId.New();
        var validated = await TrainingJobSubmission.ValidateAsync(body, catalogs.Get(tenant), id, clock.GetUtcNow(), cancellationToken);
        if (validated.Job is not { } job)
        {
            return Invalid(validated.Problems);
        }

        var created = await Job(grains, tenant, id).CreateAsync(job);
        LogSubmitted(loggers.CreateLogger(typeof(TrainingJobEndpoints)), tenant.Value, id.Value, job.Dataset, job.DatasetVersion, job.ModelName);
        return Results.Accepted(TrainingJobResponse.HrefOf(id.Value), TrainingJobResponse.From(created));
    }

    /// <summary>The tenant's jobs from its job index, each read from its grain (in parallel: tens of jobs, not millions).</summary>
    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var tenant = context.User.Tenant();
        var ids = await grains.GetGrain<ITrainingJobIndexGrain>(tenant.Value).ListAsync();
        var jobs = await Task.WhenAll(ids.Where(TrainingJobId.IsValid).Select(id => Job(grains, tenant, new TrainingJobId(id)).GetAsync()));
        cancellationToken.ThrowIfCancellationRequested();
        return Results.Ok(new TrainingJobListResponse([.. jobs.OfType<TrainingJobState>().Select(job => TrainingJobResponse.From(job, full: false))]));
    }

    private static ITrainingJobGrain Job(IGrainFactory grains, TenantId tenant, TrainingJobId id) =>
        grains.GetGrain<ITrainingJobGrain>(TrainingJobKey.Of(tenant, id));

    private static async Task<IResult> GetAsync(string id, HttpContext context, IGrainFactory grains) =>
        TrainingJobId.IsValid(id) && await Job(grains, context.User.Tenant(), new TrainingJobId(id)).GetAsync() is { } job
            ? Results.Ok(TrainingJobResponse.From(job))
            : NotFound(id);

    private static async Task<IResult> CancelAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if (!TrainingJobId.IsValid(id))
        {
            return NotFound(id);
        }

        var grain = Job(grains, context.User.Tenant(), new TrainingJobId(id));
        if (await grain.GetAsync() is not { } before)
        {
            return NotFound(id);
        }

        if (before.IsFinal)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job already ended", detail: $"Job {id} is {before.Status}; only a queued or running job can be cancelled.");
        }

        var job = await grain.CancelAsync();
        return job is null ? NotFound(id) : Results.Accepted(TrainingJobResponse.HrefOf(id), TrainingJobResponse.From(job));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if (!TrainingJobId.IsValid(id))
        {
            return NotFound(id);
        }

        return await Job(grains, context.User.Tenant(), new TrainingJobId(id)).DeleteAsync() switch
        {
            null => NotFound(id),
            false => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job still active", detail: $"Job {id} is queued or running; cancel it first."),
            true => Results.NoContent(),
        };
    }

    private static async Task<TrainingJobRequest?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            throw new JsonException($"over {MaxRequestBytes / 1024} KiB");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxRequestBytes)
            {
                throw new JsonException($"over {MaxRequestBytes / 1024} KiB");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? null : JsonSerializer.Deserialize<TrainingJobRequest>(buffer.ToArray(), JsonSerializerOptions.Web);
    }

    private static IResult Invalid(IReadOnlyList<string> problems) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Training job not accepted",
        detail: string.Join("\n", problems),
        extensions: new Dictionary<string, object?> { ["problems"] = problems });

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Training job not found", detail: $"This tenant has no training job '{(id.Length <= 40 ? id : id[..40] + "…")}'.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} submitted training job {JobId} on {Dataset}@{DatasetVersion} for model {Model}")]
    private static partial void LogSubmitted(ILogger logger, string tenant, string jobId, string dataset, string datasetVersion, string model);
}
