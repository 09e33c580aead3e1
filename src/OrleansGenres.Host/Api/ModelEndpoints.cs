using OrleansGenres.Grains.Models;

namespace OrleansGenres.Host.Api;

/// <summary><c>/api/models</c>: which model analyses new uploads.</summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        models.MapGet("/active", GetActiveAsync).WithName("GetActiveModel").WithSummary("The active model: name, version, labels, front end, metrics.")
            .Produces<ActiveModelResponse>();
        return models;
    }

    private static async Task<IResult> GetActiveAsync(IActiveModelProvider models, CancellationToken cancellationToken)
    {
        var model = await models.GetActiveAsync(cancellationToken);
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
