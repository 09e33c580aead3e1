using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansGenres.Grains.Telemetry;

namespace OrleansGenres.Host.Telemetry;

/// <summary>
/// OpenTelemetry without Extensions.Hosting (not in the registry): tracer and meter providers built here, registered as
/// singletons (the container disposes them at shutdown, flushing what is buffered), exporting over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set — the exporter reads the other standard <c>OTEL_*</c> variables itself.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "orleans-genres";

    public static IServiceCollection AddGenresTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GenresTelemetry>();
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName);
        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(GenresTelemetry.SourceName, "Microsoft.AspNetCore", "System.Net.Http")
            .AddOtlpExporter()
            .Build());
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(GenresTelemetry.SourceName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime")
            .AddOtlpExporter()
            .Build());
        return services;
    }

    /// <summary>Builds the providers before the first request so no early span or measurement is missed.</summary>
    public static void StartGenresTelemetry(this IServiceProvider services)
    {
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
    }
}
