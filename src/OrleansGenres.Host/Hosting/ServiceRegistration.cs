using Microsoft.AspNetCore.Authorization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Grains.Analysis;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Grains.Training;
using OrleansGenres.Host.Analysis;
using OrleansGenres.Host.Api;
using OrleansGenres.Host.Auth;
using OrleansGenres.Host.Ui;
using OrleansGenres.Host.Configuration;
using OrleansGenres.Host.Health;
using OrleansGenres.Host.Training;
using OrleansGenres.Torch;
using OrleansGenres.Storage;
using OrleansGenres.Storage.Azure;
using OrleansGenres.Storage.Local;

namespace OrleansGenres.Host.Hosting;

/// <summary>What each part of the host registers; Program.cs picks the parts by role.</summary>
public static class ServiceRegistration
{
    /// <summary>A settings section as <c>IOptions&lt;T&gt;</c> (checked before start-up by <see cref="StartupSettings"/>).</summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, IConfiguration section)
        where T : class
    {
        services.AddOptions<T>().Bind(section);
        return services;
    }

    /// <summary>Storage (Local or Azure), what the grains need and the active model: every role needs them.</summary>
    public static IServiceCollection AddGenresCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IStorageProvider>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<StorageSettings>>().Value;
            var loggers = provider.GetRequiredService<ILoggerFactory>();
            return settings.IsAzure
                ? new AzureStorageProvider(new AzureStorageOptions { ConnectionString = settings.Azure.ConnectionString, Container = settings.Azure.Container }, loggers)
                : new LocalStorageProvider(new LocalStorageOptions { Path = Path.GetFullPath(settings.Local.Path) }, loggers, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(provider => provider.GetRequiredService<IStorageProvider>().Objects);
        services.AddSingleton(provider => ScratchFolderFor(provider.GetRequiredService<IOptions<StorageSettings>>().Value));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<AnalysisSettings>>().Value.ToLifecycleOptions());
        services.AddSingleton<TrackCatalog>();
        services.AddSingleton(provider => new ModelRegistries(new ModelRegistryServices(
            provider.GetRequiredService<IStorageProvider>().Objects, provider.GetRequiredService<IGrainFactory>(), provider.GetRequiredService<TimeProvider>())));
        services.AddSingleton(provider => new DatasetCatalogs(new DatasetCatalogServices(
            provider.GetRequiredService<IStorageProvider>().Objects,
            new GrainDatasetIndex(provider.GetRequiredService<IGrainFactory>()),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<DatasetCatalog>>())));
        services.AddSingleton(provider => new RegistryModelProvider(
            provider.GetRequiredService<ModelRegistries>(),
            provider.GetRequiredService<IOptions<ModelSettings>>().Value.ToProviderOptions(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<RegistryModelProvider>>()));
        services.AddSingleton<IActiveModelProvider>(provider => provider.GetRequiredService<RegistryModelProvider>());
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TrainingRoleSettings>>().Value.ToLifecycleOptions());
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ModelSettings>>().Value.ToRetagOptions());
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<ModelHealthCheck>("model", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Temporary files live in one folder the service owns: under the data folder on the embedded silo, else under the
    /// system's temporary folder; leftovers of dead processes are removed at start.
    /// </summary>
    private static ScratchFolder ScratchFolderFor(StorageSettings storage) => new(storage.IsAzure
        ? Path.Combine(Path.GetTempPath(), "orleansgenres-scratch")
        : Path.Combine(Path.GetFullPath(storage.Local.Path), "scratch"));

    /// <summary>The analysis role: decoder, one torch thread shared by mel and inference, the batcher and the scheduler.</summary>
    public static IServiceCollection AddGenresAnalysis(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<AnalysisSettings>>().Value.ToWorkerOptions());
        services.AddSingleton(_ => new TorchThread("genres-analysis"));
        services.AddSingleton(provider => new WindowInferenceBatcher(provider.GetRequiredService<TorchThread>(), provider.GetRequiredService<GenresTelemetry>()));
        services.AddAudioDecoder();
        services.AddSingleton<TrackAnalyzer>();
        services.AddSingleton<AnalysisScheduler>();
        services.AddHostedService<AnalysisHostedService>();
        return services;
    }

    /// <summary>
    /// The training role: this silo's <see cref="TrainerScheduler"/> taking one job at a time (training uses every core),
    /// with the decoder of the <c>Analysis:Decoder</c> setting.
    /// </summary>
    public static IServiceCollection AddGenresTraining(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TrainingRoleSettings>>().Value.ToTrainerOptions());
        services.AddAudioDecoder();
        services.AddSingleton(provider => new TrainingJobRunner(
            provider.GetRequiredService<DatasetCatalogs>(),
            provider.GetRequiredService<ModelRegistries>(),
            provider.GetRequiredService<IAudioDecoder>(),
            provider.GetRequiredService<TrainerOptions>(),
            provider.GetRequiredService<GenresTelemetry>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TrainingJobRunner>>()));
        services.AddSingleton<TrainerScheduler>();
        services.AddHostedService<TrainingHostedService>();
        return services;
    }

    // Analysis and training both decode; one decoder serves both roles in one process.
    private static void AddAudioDecoder(this IServiceCollection services) =>
        services.TryAddSingleton(provider => AudioDecoders.Create(provider.GetRequiredService<IOptions<AnalysisSettings>>().Value.Decoder));

    /// <summary>The api role: auth, limits, ProblemDetails, OpenAPI.</summary>
    public static IServiceCollection AddGenresApi(this IServiceCollection services, ServiceOptions limits)
    {
        services.AddSingleton<TenantKeys>();
        // A request is authenticated by its API key when it sends one, else by the web UI's cookie (so the UI's SignalR
        // circuit knows its user); but the API's policies accept only keys, and the UI's only the cookie.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = UiAuthentication.KeyOrCookieScheme;
                options.DefaultChallengeScheme = ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddUiCookie();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy("admin", policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(ApiKeyAuthenticationHandler.AdminRole))
            .AddPolicy(UiAuthentication.Policy, policy => policy.AddAuthenticationSchemes(UiAuthentication.Scheme).RequireAuthenticatedUser());
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<UploadSpooler>();
        services.AddSingleton<TrackUploads>();
        services.AddSingleton<DatasetUploadReader>();
        services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy { Timeout = limits.RequestTimeout });
        services.AddGenresComparisons();
        if (limits.RequestsPerSecond > 0)
        {
            services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = async (context, cancellationToken) =>
                {
                    context.HttpContext.Response.Headers.RetryAfter = "1";
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "This tenant's request rate is over its limit; retry after a second.")
                        .ExecuteAsync(context.HttpContext);
                };
                // One bucket per tenant (per client address before authentication).
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetTokenBucketLimiter(
                        context.User.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value ?? "ip:" + context.Connection.RemoteIpAddress,
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = limits.RequestBurst,
                            TokensPerPeriod = limits.RequestsPerSecond,
                            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            });
        }

        services.AddOpenApi();
        return services;
    }

    /// <summary>
    /// Comparisons (<c>POST /api/models/compare</c>): the same decoder kind as analysis, its own torch thread (made on
    /// first use, so an api-only node may compare), and the <c>Comparison:Timeout</c> request-timeout policy.
    /// </summary>
    public static IServiceCollection AddGenresComparisons(this IServiceCollection services)
    {
        services.AddSingleton(provider => new ModelComparisons(
            provider.GetRequiredService<ModelRegistries>(),
            provider.GetRequiredService<DatasetCatalogs>(),
            provider.GetRequiredService<IOptions<ComparisonSettings>>().Value.ToOptions(provider.GetRequiredService<IOptions<ModelSettings>>().Value),
            AudioDecoders.Create(provider.GetRequiredService<IOptions<AnalysisSettings>>().Value.Decoder),
            provider.GetRequiredService<ILogger<ModelComparisons>>()));
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ComparisonSettings>>(
            (options, comparison) => options.AddPolicy(ModelEndpoints.ComparisonTimeoutPolicy, comparison.Value.Timeout));
        return services;
    }
}
