using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Host.Auth;
using OrleansGenres.Host.Configuration;

namespace OrleansGenres.Host.Hosting;

/// <summary>
/// Prints, once Kestrel listens, where the service is and how to call it: the URL (first line, stable format
/// "OrleansGenres listening on URL" for scripts and tests), roles, storage, model, and the development key if one was made.
/// </summary>
public sealed class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    TenantKeys keys,
    IOptions<ModelSettings> models,
    IOptions<ServiceOptions> service,
    IOptions<StorageSettings> storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = PrintAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintAsync()
    {
        var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "(no address)";
        url = url.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        // The default model; tenants that activated a version of their own use theirs.
        var version = await Task.Run(() => ActiveModel.VersionOf(ModelDirectory.ReadCard(models.Value.Path)));
        var where = storage.Value.IsAzure ? $"Azure ({storage.Value.Azure.Container})" : $"Local ({Path.GetFullPath(storage.Value.Local.Path)})";
        Console.WriteLine($"OrleansGenres listening on {url}");
        Console.WriteLine($"  roles: {service.Value.ParsedRoles().ToString().ToLowerInvariant()}; storage: {where}; default model: {version}");
        Console.WriteLine($"  OpenAPI: {url}/openapi/v1.json  health: {url}/healthz  ready: {url}/readyz");
        if (keys.DevKey is { } key)
        {
            Console.WriteLine($"  development tenant '{keys.DevTenant}' (admin), key: {key}");
            Console.WriteLine($"  try: curl -H \"Authorization: Bearer {key}\" -F file=@song.mp3 {url}/api/tracks");
        }
    }
}
