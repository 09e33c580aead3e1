using OrleansGenres.Ml.Inference;
using OrleansGenres.Ml.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// The active model from a model directory (model.pt + model.json), loaded once on first use: the default model, or
/// whatever the host's <c>Models:Path</c> names.
/// </summary>
public sealed class DirectoryModelProvider : IActiveModelProvider, IDisposable
{
    private readonly string _directory;
    private readonly ComputeDevice _device;
    private readonly Lazy<Task<ActiveModel>> _model;
    private readonly Lazy<string> _version;

    public DirectoryModelProvider(string directory, ComputeDevice device = ComputeDevice.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Path.GetFullPath(directory);
        _device = device;
        _version = new Lazy<string>(() => ActiveModel.VersionOf(ModelDirectory.ReadCard(_directory)));
        _model = new Lazy<Task<ActiveModel>>(() => Task.Run(Load));
    }

    public string Directory => _directory;

    public Task<ActiveModel> GetActiveAsync(CancellationToken cancellationToken = default) => _model.Value.WaitAsync(cancellationToken);

    public Task<string> GetActiveVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult(_version.Value);

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
