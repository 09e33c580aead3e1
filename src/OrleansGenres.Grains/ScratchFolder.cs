using System.Globalization;

namespace OrleansGenres.Grains;

/// <summary>
/// The one folder where this process keeps temporary files (spooled uploads, audio being analysed): a subfolder per
/// process under <see cref="Root"/>. At start, the subfolders of processes that no longer run are deleted, so a
/// <c>kill -9</c> leaves nothing behind for long; the subfolder of a process still running is never touched.
/// </summary>
public sealed class ScratchFolder
{
    public ScratchFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        RemoveLeftovers();
        Current = Path.Combine(Root, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Current);
    }

    public string Root { get; }

    /// <summary>This process's own subfolder.</summary>
    public string Current { get; }

    /// <summary>A fresh path (not created) in this process's subfolder; <paramref name="purpose"/> is for people reading the folder.</summary>
    public string NewFile(string purpose) => Path.Combine(Current, $"{purpose}-{Guid.NewGuid():N}");

    private void RemoveLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another process starting at the same moment removed it first.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
