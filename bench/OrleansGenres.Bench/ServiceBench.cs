using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using OrleansGenres.Testing;

namespace OrleansGenres.Bench;

/// <summary>
/// The service end to end on this machine: one host process (all roles, Local storage, default model) takes 30-second
/// songs over HTTP; figures are tracks/s and x-realtime from the first upload to the last Completed, then the latency of
/// <c>GET /api/tracks/{id}</c> under a fixed-rate load from this (second) process.
/// </summary>
internal static class ServiceBench
{
    private const string Key = "bench-key-0123456789abcdef";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        // The load generator must not be what waits: keep pool threads ready as the host does (MinThreadPoolThreads).
        ThreadPool.GetMinThreads(out _, out var io);
        ThreadPool.SetMinThreads(32, io);
        var songs = Songs(quick ? 16 : 48);
        var data = Path.Combine(Path.GetTempPath(), $"orleansgenres-bench-service-{Guid.NewGuid():N}");
        var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:Local:Path"] = data,
            ["Auth:Tenants:bench:ApiKey"] = Key,
            ["RequestsPerSecond"] = "0",
        });
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

            // Warm-up (model load, first JIT) with one song that is not measured.
            await WaitCompletedAsync(client, [await UploadAsync(client, songs[0])]);

            var stopwatch = Stopwatch.StartNew();
            var ids = new string[songs.Count - 1];
            await Parallel.ForEachAsync(Enumerable.Range(1, songs.Count - 1), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) => ids[i - 1] = await UploadAsync(client, songs[i]));
            var tracks = await WaitCompletedAsync(client, ids);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var audio = tracks.Sum(t => t.GetProperty("durationSeconds").GetDouble());
            var perTrack = tracks.Select(t => t.GetProperty("timings").GetProperty("realtimeFactor").GetDouble()).Order().ToList();

            // One second at the same rate first, so JIT tiering and connection set-up are not measured.
            var tracksPaths = ids.Select(id => $"/api/tracks/{id}").ToList();
            await MeasureGetLatencyAsync(client, tracksPaths, requestsPerSecond: 1000, TimeSpan.FromSeconds(1));
            var latency = await MeasureGetLatencyAsync(client, tracksPaths, requestsPerSecond: 1000, TimeSpan.FromSeconds(quick ? 3 : 10));
            // The same load on a trivial endpoint in the same run: what the machine, Kestrel and the client cost alone.
            var trivial = await MeasureGetLatencyAsync(client, ["/healthz"], requestsPerSecond: 1000, TimeSpan.FromSeconds(quick ? 3 : 10));
            return
            [
                new BenchResult(
                    $"service: upload → Completed, {ids.Length} × 30 s songs",
                    audio / seconds,
                    Notes: $"{ids.Length / seconds:F2} tracks/s; per-track analysis median {perTrack[perTrack.Count / 2]:F0}× realtime"),
                new BenchResult(
                    "service: GET /api/tracks/{id} at 1000 req/s",
                    0,
                    Notes: latency),
                new BenchResult(
                    "service: GET /healthz at 1000 req/s (trivial)",
                    0,
                    Notes: trivial),
            ];
        }
        finally
        {
            await host.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Open-loop load: request i is due at i/rate seconds, so a slow answer never delays the next request.</summary>
    private static async Task<string> MeasureGetLatencyAsync(HttpClient client, IReadOnlyList<string> paths, int requestsPerSecond, TimeSpan duration)
    {
        var count = (int)(requestsPerSecond * duration.TotalSeconds);
        var latencies = new double[count];
        var fromSend = new double[count];
        var failures = 0;
        var start = Stopwatch.GetTimestamp();
        long Due(int i) => start + (long)(i * (double)Stopwatch.Frequency / requestsPerSecond);
        var running = new List<Task>(count);
        var next = 0;
        while (next < count)
        {
            // Start every request that is due, then sleep a tick: no spinning, so the client leaves the CPU to the host.
            var now = Stopwatch.GetTimestamp();
            for (; next < count && Due(next) <= now; next++)
            {
                running.Add(GetAsync(next, Due(next)));
            }

            await Task.Delay(1);
        }

        async Task GetAsync(int index, long due)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(paths[index % paths.Count], HttpCompletionOption.ResponseContentRead);
            latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            fromSend[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }

        await Task.WhenAll(running);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencies);
        Array.Sort(fromSend);
        static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return $"{count / elapsed:F0} req/s achieved; from send: p50 {Percentile(fromSend, 0.50):F2} ms, p99 {Percentile(fromSend, 0.99):F2} ms; " +
            $"from due time (open-loop, includes the generator's own lateness): p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms; {failures} errors";
    }

    private static async Task<string> UploadAsync(HttpClient client, string path)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path));
        using var response = await client.PostAsync("/api/tracks", form);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> WaitCompletedAsync(HttpClient client, IReadOnlyList<string> ids)
    {
        var done = new Dictionary<string, JsonElement>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (done.Count < ids.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{ids.Count - done.Count} tracks did not complete");
            }

            foreach (var id in ids.Where(id => !done.ContainsKey(id)))
            {
                using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/tracks/{id}"));
                var status = body.RootElement.GetProperty("status").GetString();
                if (status == "Failed")
                {
                    throw new InvalidOperationException($"track {id} failed: {body.RootElement.GetProperty("error")}");
                }

                if (status == "Completed")
                {
                    done[id] = body.RootElement.Clone();
                }
            }

            await Task.Delay(50);
        }

        return [.. ids.Select(id => done[id])];
    }

    /// <summary>30-second songs: the shared midi-genres set (real music), else 30 s tones made with ffmpeg.</summary>
    private static List<string> Songs(int count)
    {
        var manifest = FindShared("datasets/midi-genres/manifest.csv");
        if (manifest is not null)
        {
            var root = Path.GetDirectoryName(manifest)!;
            return [.. File.ReadLines(manifest).Skip(1).Select(line => Path.Combine(root, line.Split(',')[0])).Take(count)];
        }

        var folder = Path.Combine(Path.GetTempPath(), "orleansgenres-bench", "songs");
        Directory.CreateDirectory(folder);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var path = Path.Combine(folder, $"tone-{i}.mp3");
            if (!File.Exists(path))
            {
                using var ffmpeg = Process.Start("ffmpeg", $"-nostdin -v error -y -f lavfi -i sine=frequency={200 + (10 * i)}:duration=30 {path}")!;
                ffmpeg.WaitForExit();
            }

            return path;
        })];
    }

    private static string? FindShared(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
