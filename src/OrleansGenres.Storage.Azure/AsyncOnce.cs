namespace OrleansGenres.Storage.Azure;

/// <summary>
/// Runs an idempotent set-up step (create a container if missing) once, on first use; a failed or
/// cancelled attempt is retried by the next caller. One caller's cancellation only stops that caller's wait.
/// </summary>
internal sealed class AsyncOnce(Func<CancellationToken, Task> action)
{
    private readonly Lock _gate = new();
    private Task? _task;

    public Task EnsureAsync(CancellationToken ct)
    {
        Task task;
        lock (_gate)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                _task = action(CancellationToken.None);
            }

            task = _task;
        }

        return task.WaitAsync(ct);
    }
}
