using Orleans.Dashboard;
using OrleansGenres.Host.Api;
using OrleansGenres.Host.Auth;
using OrleansGenres.Host.Configuration;
using OrleansGenres.Host.Health;
using OrleansGenres.Host.Hosting;
using OrleansGenres.Host.Silo;
using OrleansGenres.Host.Telemetry;
using OrleansGenres.Native;

// One binary, roles by configuration: `Roles=api,analysis,training` (default all), storage by `Storage:Provider`,
// the listen address by the standard --urls. appsettings.json + environment + command line, validated at start.
// appsettings.json sits beside the binary, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var configuration = builder.Configuration;
var service = configuration.Get<ServiceOptions>() ?? new ServiceOptions();
var roles = service.ParsedRoles();
ThreadPool.GetMinThreads(out _, out var completionPortThreads);
ThreadPool.SetMinThreads(Math.Max(service.MinThreadPoolThreads, Environment.ProcessorCount), completionPortThreads);
// libtorch's thread count, as `genres` sets it (bad settings are reported with all others by the validation below).
if (!service.Validate().Any())
{
    TorchRuntime.Initialize(service.TorchThreads);
}

builder.Services
    .AddValidatedSettings<ServiceOptions>(configuration, o => o.Validate())
    .AddValidatedSettings<StorageSettings>(configuration.GetSection("Storage"), o => o.Validate())
    .AddValidatedSettings<ModelSettings>(configuration.GetSection("Models"), o => o.Validate())
    .AddValidatedSettings<AuthSettings>(configuration.GetSection("Auth"), o => o.Validate())
    .AddValidatedSettings<ComparisonSettings>(configuration.GetSection("Comparison"), o => o.Validate())
    .AddValidatedSettings<AnalysisSettings>(configuration.GetSection("Analysis"), o => o.Validate())
    .AddValidatedSettings<ClusterSettings>(configuration.GetSection("Orleans"), o => o.Validate())
    .AddValidatedSettings<TrainingRoleSettings>(configuration.GetSection("Training"), o => o.ToWorkerOptions().Validate());
// The embedded silo is a cluster of one that owns its data folder: a second process there would run the same grains twice.
var storage = configuration.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();
using var dataFolderLock = storage.IsAzure ? null : DataFolderLock.TryAcquire(Path.GetFullPath(storage.Local.Path));
if (!storage.IsAzure && dataFolderLock is null)
{
    Console.Error.WriteLine($"error: another OrleansGenres process is using the data folder {Path.GetFullPath(storage.Local.Path)}; stop it, or give this one its own Storage:Local:Path (several nodes share data through Storage:Provider=Azure).");
    return 1;
}

var analysisSettings = configuration.GetSection("Analysis").Get<AnalysisSettings>() ?? new AnalysisSettings();
builder.AddGenresSilo(roles, storage, configuration.GetSection("Orleans").Get<ClusterSettings>() ?? new ClusterSettings(), analysisSettings.ReminderPeriod, service.Dashboard);
builder.Services.AddGenresTelemetry(configuration).AddGenresCore();
builder.Services.AddGenresApi(service);
builder.Services.AddHostedService<StartupBanner>();
if (roles.HasFlag(HostRoles.Analysis))
{
    builder.Services.AddGenresAnalysis();
}

if (roles.HasFlag(HostRoles.Training))
{
    builder.Services.AddGenresTraining();
}

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = service.MaxUploadBytes + (64 * 1024));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
if (service.RequestsPerSecond > 0)
{
    app.UseRateLimiter();
}

app.UseRequestTimeouts();
app.MapHealthEndpoints();
if (roles.HasFlag(HostRoles.Api))
{
    app.MapOpenApi().AllowAnonymous();
    app.MapTrackEndpoints();
    app.MapModelEndpoints();
    app.MapDatasetEndpoints();
    app.MapTrainingJobEndpoints();
    if (service.Dashboard)
    {
        // Cluster, silos, grains and reminders at a glance: admin keys only (Authorization or X-Api-Key header).
        app.MapOrleansDashboard("/dashboard").RequireAuthorization("admin");
    }
}

app.Run();
return 0;

/// <summary>The entry point, visible to tests that host it in-process.</summary>
public partial class Program;
