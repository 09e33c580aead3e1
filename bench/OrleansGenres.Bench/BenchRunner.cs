using System.Diagnostics;
using System.Text.Json;

namespace OrleansGenres.Bench;

/// <summary>Parses `bench [all|decode|mel|pipeline|train|tag|service|burst] [--quick]`, runs the suites and writes bench/results/*.json.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var quick = args.Contains("--quick");
        var inputs = new BenchInputs(Path.Combine(Path.GetTempPath(), "orleansgenres-bench"));
        var results = new List<BenchResult>();
        switch (suite)
        {
            case "decode":
                results.AddRange(await DecodeBench.RunAsync(inputs, quick));
                break;
            case "mel":
                results.AddRange(MelBench.Run(quick));
                break;
            case "pipeline":
                results.AddRange(await PipelineBench.RunAsync(inputs, quick));
                break;
            case "tag":
                results.AddRange(await TagBench.RunAsync(inputs, quick));
                break;
            case "service":
                results.AddRange(await ServiceBench.RunAsync(quick));
                break;
            case "burst":
                results.AddRange(await BurstBench.RunAsync(quick));
                break;
            case "train":
                results.AddRange(TrainBench.Run(quick));
                results.AddRange(await TagBench.RunAsync(inputs, quick));
                break;
            case "all":
                results.AddRange(await DecodeBench.RunAsync(inputs, quick));
                results.AddRange(MelBench.Run(quick));
                results.AddRange(TrainBench.Run(quick));
                results.AddRange(await TagBench.RunAsync(inputs, quick));
                // Its own process, so its peak RSS is the pipeline's alone.
                results.AddRange(await RunChildAsync("pipeline", quick));
                break;
            default:
                Console.Error.WriteLine("usage: bench [all|decode|mel|pipeline|train|tag|service|burst] [--quick]");
                return 2;
        }

        if (suite != "pipeline" || !args.Contains("--child"))
        {
            Print(results);
            Save(suite, results);
        }
        else
        {
            Console.WriteLine(JsonSerializer.Serialize(results));
        }

        return 0;
    }

    private static async Task<IReadOnlyList<BenchResult>> RunChildAsync(string suite, bool quick)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(typeof(BenchRunner).Assembly.Location);
        startInfo.ArgumentList.Add(suite);
        startInfo.ArgumentList.Add("--child");
        if (quick)
        {
            startInfo.ArgumentList.Add("--quick");
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonSerializer.Deserialize<List<BenchResult>>(json)!;
    }

    private static void Print(IEnumerable<BenchResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"benchmark",-52} {"x-realtime",12} {"peak RSS MB",12}  notes");
        foreach (var r in results)
        {
            var rss = r.PeakRssMegabytes is { } mb ? mb.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "";
            Console.WriteLine($"{r.Name,-52} {r.RealtimeFactor,12:0} {rss,12}  {r.Notes}");
        }
    }

    private static void Save(string suite, IReadOnlyList<BenchResult> results)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results");
        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, $"{suite}-{DateTime.UtcNow:yyyyMMddTHHmmss}.json"));
        File.WriteAllText(path, JsonSerializer.Serialize(new { machine = Environment.ProcessorCount + " cores", results }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"\nwritten {path}");
    }
}
