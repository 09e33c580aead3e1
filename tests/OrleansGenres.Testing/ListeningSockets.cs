using System.Globalization;

namespace OrleansGenres.Testing;

/// <summary>
/// Which process listens on a TCP port (Linux: /proc/net/tcp + /proc/PID/fd). Servers the tests start pick free ports
/// first and bind later, so another process starting meanwhile can take a port; a port that answers is only the
/// started server's if its listening socket belongs to that process.
/// </summary>
public static class ListeningSockets
{
    public static bool IsListenedToBy(int processId, int port)
    {
        var inodes = ListeningInodes(port);
        if (inodes.Count == 0)
        {
            return false;
        }

        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{processId}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target["socket:[".Length..^1]))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is gone, or a descriptor closed while listing.
        }

        return false;
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // fields: sl, local address (HEXIP:HEXPORT), remote address, state (0A = LISTEN), …, inode (10th).
                if (fields.Length > 9 && fields[3] == "0A"
                    && int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }
}
