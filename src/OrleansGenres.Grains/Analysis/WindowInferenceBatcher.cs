using System.Threading.Channels;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Torch;

namespace OrleansGenres.Grains.Analysis;

/// <summary>
/// Runs the network over windows from many tracks at once: tracks analysed concurrently hand in their window batches,
/// and one loop packs whatever is waiting (same model, up to <see cref="MaxWindows"/>) into one forward pass on the
/// torch thread, then hands each track its rows back. A lone track is never kept waiting for company.
/// </summary>
public sealed class WindowInferenceBatcher : IAsyncDisposable
{
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TorchThread _torchThread;
    private readonly GenresTelemetry _telemetry;
    private readonly Task _loop;

    public WindowInferenceBatcher(TorchThread torchThread, GenresTelemetry telemetry, int maxWindows = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindows, 1);
        _torchThread = torchThread ?? throw new ArgumentNullException(nameof(torchThread));
        _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
        MaxWindows = maxWindows;
        _loop = Task.Run(RunAsync);
    }

    public int MaxWindows { get; }

    /// <summary>Window probabilities [windows × labels] for one batch of a track's windows.</summary>
    public Task<float[]> PredictAsync(ActiveModel model, LogMelWindowBatch windows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(windows);
        // The caller's buffer is reused by its producer once this returns, so the request keeps its own copy.
        var request = new Request(model, windows.Features.ToArray(), windows.Count, windows.Frames, cancellationToken);
        if (!_requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(WindowInferenceBatcher));
        }

        return request.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var pending = new List<Request>();
        Request? carried = null;
        while (carried is not null || await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            pending.Clear();
            var windows = 0;
            if (carried is not null)
            {
                pending.Add(carried);
                windows = carried.Count;
                carried = null;
            }

            while (windows < MaxWindows && _requests.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Result.TrySetCanceled(next.CancellationToken);
                    continue;
                }

                if (pending.Count > 0 && (next.Model != pending[0].Model || next.Frames != pending[0].Frames || windows + next.Count > MaxWindows))
                {
                    carried = next; // starts the next pass
                    break;
                }

                pending.Add(next);
                windows += next.Count;
            }

            if (pending.Count > 0)
            {
                await RunPassAsync(pending, windows).ConfigureAwait(false);
            }
        }
    }

    private async Task RunPassAsync(List<Request> pending, int windows)
    {
        var model = pending[0].Model;
        var frames = pending[0].Frames;
        var classes = model.Predictor.Classes;
        try
        {
            var input = pending.Count == 1 ? pending[0].Features : [.. pending.SelectMany(r => r.Features)];
            var output = new float[windows * classes];
            await _torchThread.RunAsync(() =>
            {
                model.Predictor.Model.Predict(input, windows, frames, output);
                model.Predictor.ToProbabilities(output, windows);
            }).ConfigureAwait(false);
            _telemetry.InferenceBatchWindows.Record(windows);
            var offset = 0;
            foreach (var request in pending)
            {
                request.Result.TrySetResult(output.AsSpan(offset * classes, request.Count * classes).ToArray());
                offset += request.Count;
            }
        }
        catch (Exception e)
        {
            foreach (var request in pending)
            {
                request.Result.TrySetException(e);
            }
        }
    }

    private sealed record Request(ActiveModel Model, float[] Features, int Count, int Frames, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<float[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
