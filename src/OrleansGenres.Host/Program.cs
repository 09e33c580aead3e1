using Orleans.Dashboard;
using OrleansGenres.Host.Api;
using OrleansGenres.Host.Auth;
using OrleansGenres.Host.Configuration;
using OrleansGenres.Host.Health;
using OrleansGenres.Host.Hosting;
using OrleansGenres.Host.Silo;
using OrleansGenres.Host.Telemetry;
using OrleansGenres.Host.Ui;
using OrleansGenres.Torch;

// One binary, roles by configuration: `Roles=api,analysis,training` (default all), storage by `Storage:Provider`,
// the listen address by the standard --urls. appsettings.json + environment + command line, every section checked
// before anything starts (StartupSettings).
// appsettings.json sits beside the binary, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var configuration = builder.Configuration;
var settings = StartupSettings.Bind(configuration, out var problems);
if (settings is null || problems.Count > 0)
{
    Console.Error.WriteLine("error: the service's settings have problems (appsettings.json, environment, command line):");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"  - {problem}");
    }

    return 2;
}

var service = settings.Service;
var roles = service.ParsedRoles();
ThreadPool.GetMinThreads(out _, out var completionPortThreads);
ThreadPool.SetMinThreads(Math.Max(service.MinThreadPoolThreads, Environment.ProcessorCount), completionPortThreads);
// libtorch's thread count and process-wide settings (OpenMP wait policy, oneDNN ISA cap), as `genres` sets them.
TorchEnvironment.Initialize(service.TorchThreads);

builder.Services
    .AddSettings<ServiceOptions>(configuration)
    .AddSettings<StorageSettings>(configuration.GetSection("Storage"))
    .AddSettings<ModelSettings>(configuration.GetSection("Models"))
    .AddSettings<AuthSettings>(configuration.GetSection("Auth"))
    .AddSettings<ComparisonSettings>(configuration.GetSection("Comparison"))
    .AddSettings<AnalysisSettings>(configuration.GetSection("Analysis"))
    .AddSettings<ClusterSettings>(configuration.GetSection("Orleans"))
    .AddSettings<TrainingRoleSettings>(configuration.GetSection("Training"));
// The embedded silo is a cluster of one that owns its data folder: a second process there would run the same grains twice.
var storage = settings.Storage;
using var dataFolderLock = storage.IsAzure ? null : DataFolderLock.TryAcquire(Path.GetFullPath(storage.Local.Path));
if (!storage.IsAzure && dataFolderLock is null)
{
    Console.Error.WriteLine($"error: another OrleansGenres process is using the data folder {Path.GetFullPath(storage.Local.Path)}; stop it, or give this one its own Storage:Local:Path (several nodes share data through Storage:Provider=Azure).");
    return 1;
}

builder.AddGenresSilo(roles, storage, settings.Cluster, TimeSpan.FromTicks(Math.Min(settings.Analysis.ReminderPeriod.Ticks, settings.Training.ReminderPeriod.Ticks)), service.Dashboard);
builder.Services.AddGenresTelemetry(configuration).AddGenresCore();
builder.Services.AddGenresApi(service);
if (roles.HasFlag(HostRoles.Api))
{
    builder.Services.AddGenresUi();
    // The UI's scripts and styles (MudBlazor's, Blazor's, wwwroot) from the build output as well as from a publish.
    builder.WebHost.UseStaticWebAssets();
}

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
if (roles.HasFlag(HostRoles.Api))
{
    app.UseAntiforgery(); // the web UI's forms
}
app.MapHealthEndpoints();
if (roles.HasFlag(HostRoles.Api))
{
    app.MapOpenApi().AllowAnonymous();
    app.MapTrackEndpoints();
    app.MapModelEndpoints();
    app.MapDatasetEndpoints();
    app.MapTrainingJobEndpoints();
    app.MapGenresUi();
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
