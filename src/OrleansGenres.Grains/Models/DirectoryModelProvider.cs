using OrleansGenres.Abstractions.Models;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Ml.Models;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// One model from a model directory (model.pt + model.json), loaded once on first use, for every tenant: the host's
/// default model (<c>Models:Path</c>), which <see cref="RegistryModelProvider"/> falls back to, or a fixed model for tools
/// and tests.
/// </summary>
public sealed class DirectoryModelProvider : IActiveModelProvider, IDisposable
{
    private readonly string _directory;
    private readonly DeviceChoice _device;
    private readonly Lazy<Task<ActiveModel>> _model;
    private readonly Lazy<string> _version;

    public DirectoryModelProvider(string directory, DeviceChoice device = DeviceChoice.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Path.GetFullPath(directory);
        _device = device;
        _version = new Lazy<string>(() => ActiveModel.VersionOf(ModelDirectory.ReadCard(_directory)));
        _model = new Lazy<Task<ActiveModel>>(() => Task.Run(Load));
    }

    public string Directory => _directory;

    public Task<ActiveModel> GetActiveAsync(TenantId tenant, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        GetDefaultAsync(cancellationToken);

    public Task<string> GetActiveVersionAsync(TenantId tenant, CancellationToken cancellationToken = default) => Task.FromResult(Version);

    public Task<ActiveModel> GetDefaultAsync(CancellationToken cancellationToken = default) => _model.Value.WaitAsync(cancellationToken);

    /// <summary>The model's version, from its card (the weights are not loaded).</summary>
    public string Version => _version.Value;

    public void Dispose()
    {
        if (_model.IsValueCreated && _model.Value.IsCompletedSuccessfully)
        {
            _model.Value.Result.Dispose();
        }
    }

    private ActiveModel Load()
    {
        var predictor = TrackPredictor.Load(_directory, _device);
        return new ActiveModel(ActiveModel.VersionOf(predictor.Card), predictor);
    }
}
