using System.Diagnostics;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Local;

/// <summary>
/// The lock stripes really exclude another process: a separate process (util-linux <c>flock</c>) holds every stripe,
/// and a conditional write waits for it instead of going ahead.
/// </summary>
public sealed class LocalCrossProcessLockTests : IDisposable
{
    private readonly TempDirectory _folder = new("storage");

    [Fact]
    public async Task A_write_waits_while_another_process_holds_the_lock_file()
    {
        string locks = Path.Combine(_folder.Path, "locks");
        Directory.CreateDirectory(locks);
        using Process holder = StartLockHolder(locks);
        try
        {
            Assert.Equal("held", await holder.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));

            using var provider = new LocalStorageProvider(new LocalStorageOptions { Path = _folder.Path, LockTimeout = TimeSpan.FromSeconds(1) });
            StorageException timedOut = await Assert.ThrowsAsync<StorageException>(
                () => provider.Objects.PutAsync("tracks/acme/t1", new MemoryStream([1]), new PutOptions { IfNoneMatch = true }));
            Assert.Contains("Timed out", timedOut.Message, StringComparison.Ordinal);
            Assert.Null(await provider.Objects.GetPropertiesAsync("tracks/acme/t1"));

            holder.Kill(entireProcessTree: true); // the kernel drops a dead process's locks
            await holder.WaitForExitAsync();
            await provider.Objects.PutAsync("tracks/acme/t1", new MemoryStream([1]), new PutOptions { IfNoneMatch = true });
            Assert.NotNull(await provider.Objects.GetPropertiesAsync("tracks/acme/t1"));
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => _folder.Dispose();

    private static Process StartLockHolder(string locks)
    {
        // Opens and flocks all 64 stripes (objects-00.lock .. objects-3f.lock), says so, then waits to be killed.
        const string script = """
            for i in $(seq 0 63); do
              exec {fd}>"$(printf '%s/objects-%02x.lock' "$1" "$i")"
              flock -n "$fd" || { echo "busy $i"; exit 1; }
            done
            echo held
            exec sleep 120
            """;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-c", script, "lock-holder", locks })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
    }
}
