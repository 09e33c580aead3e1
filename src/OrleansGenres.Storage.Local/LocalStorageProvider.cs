using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansGenres.Storage.Local;

/// <summary>
/// The embedded backend: objects as files under one data folder (layout in <see cref="LocalLayout"/>).
/// Durable across restarts, and safe for several processes on one machine sharing the folder.
/// </summary>
public sealed class LocalStorageProvider : IStorageProvider, IDisposable
{
    private const int LockStripes = 64;

    private readonly LocalLayout _layout;
    private readonly LocalStorageOptions _options;
    private readonly FileLockStripes _locks;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;

    public LocalStorageProvider(LocalStorageOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("LocalStorageOptions.Path must name the data folder.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LockTimeout, TimeSpan.Zero, nameof(options.LockTimeout));
        _options = options;
        _layout = new LocalLayout(options.Path);
        _time = timeProvider ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Directory.CreateDirectory(_layout.ObjectsRoot);
        _locks = new FileLockStripes(_layout.LocksRoot, "objects", LockStripes, options.LockTimeout);
        Objects = new LocalObjectStore(_layout, _locks, options, _time, _loggerFactory.CreateLogger<LocalObjectStore>());
    }

    /// <summary>The data folder, as a full path.</summary>
    public string Root => _layout.Root;

    public IObjectStore Objects { get; }

    public Task<StorageHealth> CheckAsync(CancellationToken ct = default)
    {
        // Readiness means "can write here": create, read back and remove a small file.
        long started = Stopwatch.GetTimestamp();
        string probe = Path.Combine(_layout.Root, $"health-{Guid.NewGuid():N}.probe");
        try
        {
            File.WriteAllBytes(probe, [1, 2, 3]);
            bool readBack = File.ReadAllBytes(probe).Length == 3;
            File.Delete(probe);
            return Task.FromResult(new StorageHealth(readBack, "local", $"data folder {_layout.Root} is writable", Stopwatch.GetElapsedTime(started)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(new StorageHealth(false, "local", $"data folder {_layout.Root}: {e.Message}", Stopwatch.GetElapsedTime(started)));
        }
    }

    public void Dispose() => _locks.Dispose();
}
