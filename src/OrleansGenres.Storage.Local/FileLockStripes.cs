using System.Diagnostics;

namespace OrleansGenres.Storage.Local;

/// <summary>
/// Mutual exclusion for compare-and-swap on a resource name, inside the process and across processes sharing the
/// data folder. Names hash (stably, the same in every process) onto a fixed set of stripes; each stripe is a
/// semaphore (threads of this process) plus a lock file opened with <see cref="FileShare.None"/>, which .NET turns
/// into an exclusive <c>flock</c> on Unix: the kernel drops it when a process dies, so no lock is ever left stale.
/// </summary>
internal sealed class FileLockStripes : IDisposable
{
    private readonly SemaphoreSlim[] _gates;
    private readonly string[] _paths;
    private readonly TimeSpan _timeout;

    public FileLockStripes(string folder, string name, int stripes, TimeSpan timeout)
    {
        Directory.CreateDirectory(folder);
        _gates = new SemaphoreSlim[stripes];
        _paths = new string[stripes];
        for (int i = 0; i < stripes; i++)
        {
            _gates[i] = new SemaphoreSlim(1, 1);
            _paths[i] = Path.Combine(folder, $"{name}-{i:x2}.lock");
        }

        _timeout = timeout;
    }

    public async Task<IDisposable> AcquireAsync(string resource, CancellationToken ct)
    {
        int stripe = (int)(StableHash(resource) % (uint)_gates.Length);
        SemaphoreSlim gate = _gates[stripe];
        long started = Stopwatch.GetTimestamp();
        if (!await gate.WaitAsync(_timeout, ct).ConfigureAwait(false))
        {
            throw TimedOut(resource, null);
        }

        try
        {
            int delayMs = 1;
            while (true)
            {
                try
                {
                    var file = new FileStream(_paths[stripe], FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
                    return new Held(gate, file);
                }
                catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
                {
                    // Another process holds the stripe: poll (flock has no async wait), briefly.
                    if (Stopwatch.GetElapsedTime(started) > _timeout)
                    {
                        throw TimedOut(resource, e);
                    }

                    await Task.Delay(delayMs, ct).ConfigureAwait(false);
                    delayMs = Math.Min(delayMs * 2, 20);
                }
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (SemaphoreSlim gate in _gates)
        {
            gate.Dispose();
        }
    }

    private StorageException TimedOut(string resource, Exception? inner) =>
        new($"Timed out after {_timeout.TotalSeconds:0} s waiting for the lock on '{resource}'.", inner);

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, and every process must pick the same stripe.</summary>
    private static uint StableHash(string value)
    {
        uint hash = 2166136261;
        foreach (char c in value)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    private sealed class Held(SemaphoreSlim gate, FileStream file) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                file.Dispose();
                gate.Release();
            }
        }
    }
}
