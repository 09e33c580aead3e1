using System.Diagnostics;

namespace OrleansGenres.Bench;

/// <summary>Timing and memory helpers: median of repeated runs, peak RSS of this process and of its children.</summary>
internal static class Measure
{
    /// <summary>Median wall seconds of <paramref name="repeats"/> runs after one warm-up run.</summary>
    public static double MedianSeconds(int repeats, Action action)
    {
        action();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times[i] = stopwatch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }

    public static async Task<double> MedianSecondsAsync(int repeats, Func<Task> action)
    {
        await action();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            times[i] = stopwatch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return times[repeats / 2];
    }

    /// <summary>The median of some values (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>VmHWM of this process (peak resident set), in MB.</summary>
    public static double PeakRssMegabytes() => StatusField("/proc/self/status", "VmHWM:") / 1024.0;

    /// <summary>Peak resident set of a running child process, in MB (0 once it has exited).</summary>
    public static double PeakRssMegabytes(int pid) => StatusField($"/proc/{pid}/status", "VmHWM:") / 1024.0;

    private static long StatusField(string path, string field)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
