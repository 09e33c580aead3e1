using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansGenres.Grains.Telemetry;

namespace OrleansGenres.Host.Telemetry;

/// <summary>
/// OpenTelemetry through <c>OpenTelemetry.Extensions.Hosting</c>: our activity source and meter, Orleans' (grain calls,
/// messaging, activations), ASP.NET Core's and the runtime's, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set — the exporter reads the other standard <c>OTEL_*</c> variables itself.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "orleans-genres";

    /// <summary>Orleans' activity sources (with <c>AddActivityPropagation</c> on the silo) and meter.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
    private const string OrleansMeter = "Microsoft.Orleans";

    public static IServiceCollection AddGenresTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GenresTelemetry>();
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(GenresTelemetry.SourceName, "Microsoft.AspNetCore", "System.Net.Http")
                .AddSource(OrleansSources)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(GenresTelemetry.SourceName, OrleansMeter, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime")
                .AddOtlpExporter());
        return services;
    }
}
