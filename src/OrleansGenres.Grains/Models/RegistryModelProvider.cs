using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Storage;

using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// Each tenant's active model from its <see cref="ModelRegistry"/>, falling back to the host's default model while the
/// tenant has activated none. A tenant's view is re-checked (one call to its registry grain) when older than
/// <see cref="RegistryModelProviderOptions.RefreshInterval"/>, so an activation on another node is seen within seconds;
/// versions are downloaded once to a <see cref="ModelFileCache"/> and a few are kept loaded (least recently used).
/// </summary>
public sealed partial class RegistryModelProvider : IActiveModelProvider, IDisposable
{
    private readonly ModelRegistries _registries;
    private readonly RegistryModelProviderOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<RegistryModelProvider> _logger;
    private readonly DirectoryModelProvider _default;
    private readonly ModelFileCache _files;
    private readonly ConcurrentDictionary<TenantId, TenantView> _views = new();
    private readonly LinkedList<(string Key, Lazy<Task<ActiveModel>> Model)> _loaded = new();
    private int _disposed;

    public RegistryModelProvider(ModelRegistries registries, RegistryModelProviderOptions options, TimeProvider clock, ILogger<RegistryModelProvider> logger)
    {
        _registries = registries ?? throw new ArgumentNullException(nameof(registries));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLoaded, 1);
        _clock = clock;
        _logger = logger;
        _default = new DirectoryModelProvider(options.DefaultDirectory, options.Device);
        _files = new ModelFileCache(options.CacheDirectory);
    }

    public async Task<ActiveModel> GetActiveAsync(TenantId tenant, string? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var active = await ResolveAsync(tenant, refresh: false, cancellationToken).ConfigureAwait(false);
        if (expectedVersion is not null && (active?.Version ?? _default.Version) != expectedVersion)
        {
            active = await ResolveAsync(tenant, refresh: true, cancellationToken).ConfigureAwait(false);
        }

        return active is null
            ? await _default.GetDefaultAsync(cancellationToken).ConfigureAwait(false)
            : await LoadAsync(tenant, active, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> GetActiveVersionAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        (await ResolveAsync(tenant, refresh: false, cancellationToken).ConfigureAwait(false))?.Version ?? _default.Version;

    public Task<ActiveModel> GetDefaultAsync(CancellationToken cancellationToken = default) => _default.GetDefaultAsync(cancellationToken);

    /// <summary>The default model's version (from its card).</summary>
    public string DefaultVersion => _default.Version;

    /// <summary>Drops the tenant's view, so the next call reads the registry (after an activation on this node).</summary>
    public void Forget(TenantId tenant) => _views.TryRemove(tenant, out _);

    public void Dispose()
    {
        // Registered under two service types, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _default.Dispose();
        }
    }

    /// <summary>The tenant's activated version, or null for "the default model". Registers the default on first use.</summary>
    private async Task<RegisteredModel?> ResolveAsync(TenantId tenant, bool refresh, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        _views.TryGetValue(tenant, out var view);
        if (view is not null && !refresh && now - view.CheckedAt < _options.RefreshInterval)
        {
            return view.Active;
        }

        var registry = _registries.Get(tenant);
        var document = await registry.GetAsync().ConfigureAwait(false);
        if (document is null)
        {
            var problem = await registry.SeedAsync(_options.DefaultDirectory, cancellationToken).ConfigureAwait(false);
            if (problem is { Length: > 0 })
            {
                LogSeedFailed(tenant.Value, problem);
            }
            else if (problem is not null)
            {
                LogSeeded(tenant.Value, _default.Version);
            }

            document = await registry.GetAsync().ConfigureAwait(false);
        }

        var active = document?.ActiveVersion;
        if (view?.Active?.Version != active?.Version)
        {
            LogActiveChanged(tenant.Value, active?.Version ?? _default.Version);
        }

        _views[tenant] = new TenantView(active, now);
        return active;
    }

    /// <summary>
    /// The loaded model of a version: downloaded and loaded once, shared by every tenant with the same card. Models
    /// dropped from the cache are not disposed here: an analysis may still hold one, and their torch modules are
    /// SafeHandles the runtime releases once nothing references them.
    /// </summary>
    private async Task<ActiveModel> LoadAsync(TenantId tenant, RegisteredModel model, CancellationToken cancellationToken)
    {
        Lazy<Task<ActiveModel>> lazy;
        lock (_loaded)
        {
            var node = _loaded.First;
            while (node is not null && node.Value.Key != model.CardSha256)
            {
                node = node.Next;
            }

            if (node is not null)
            {
                _loaded.Remove(node);
                _loaded.AddFirst(node);
                lazy = node.Value.Model;
            }
            else
            {
                lazy = new Lazy<Task<ActiveModel>>(() => Task.Run(() => DownloadAndLoadAsync(tenant, model)));
                _loaded.AddFirst((model.CardSha256, lazy));
                while (_loaded.Count > _options.MaxLoaded)
                {
                    _loaded.RemoveLast();
                }
            }
        }

        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed load is not cached: the next request tries again.
            lock (_loaded)
            {
                var node = _loaded.First;
                while (node is not null && !ReferenceEquals(node.Value.Model, lazy))
                {
                    node = node.Next;
                }

                if (node is not null)
                {
                    _loaded.Remove(node);
                }
            }

            throw;
        }
    }

    private async Task<ActiveModel> DownloadAndLoadAsync(TenantId tenant, RegisteredModel model)
    {
        var directory = await _files.EnsureAsync(_registries.Get(tenant), model, CancellationToken.None).ConfigureAwait(false);
        var predictor = TrackPredictor.Load(directory, _options.Device);
        LogLoaded(model.Version, directory);
        // The registry's version string, not one recomputed from the card: it is the id the API and tracks use.
        return new ActiveModel(model.Version, predictor);
    }

    private sealed record TenantView(RegisteredModel? Active, DateTimeOffset CheckedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} had no model registry: registered the default model {Version}")]
    private partial void LogSeeded(string tenant, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: the default model cannot be registered ({Problem}); it is still used")]
    private partial void LogSeedFailed(string tenant, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} now analyses with model {Version}")]
    private partial void LogActiveChanged(string tenant, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {Version} from {Directory}")]
    private partial void LogLoaded(string version, string directory);
}
