using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Testing;

namespace OrleansGenres.Bench;

/// <summary>
/// A burst on one node (all roles, Local storage): N uploads (distinct 2 s tones, 16 at a time) as fast as the API
/// takes them, then every track to Completed. Reports uploads that failed or timed out (must be 0), the host's peak RSS
/// sampled from /proc every 250 ms (admission is bounded, so it must not grow with N), and tracks/s.
/// </summary>
internal static class BurstBench
{
    private const string Key = "bench-key-0123456789abcdef";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        var count = quick ? 300 : 2000;
        var data = Path.Combine(Path.GetTempPath(), $"orleansgenres-bench-burst-{Guid.NewGuid():N}");
        var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:Local:Path"] = data,
            ["Auth:Tenants:bench:ApiKey"] = Key,
            ["RequestsPerSecond"] = "0",
        });
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakRssAsync(host.ProcessId, sampling.Token);
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            var errors = 0;
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                try
                {
                    using var content = new ByteArrayContent(Tone(100 + (i * 0.37), 2));
                    using var response = await client.PostAsync("/api/tracks", content);
                    if (response.StatusCode != HttpStatusCode.Accepted)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            });
            var uploaded = stopwatch.Elapsed.TotalSeconds;
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(30);
            var completed = 0;
            while (DateTime.UtcNow < deadline)
            {
                using var page = JsonDocument.Parse(await client.GetStringAsync("/api/tracks?status=Completed&pageSize=1"));
                completed = page.RootElement.GetProperty("total").GetInt32();
                if (completed + errors >= count)
                {
                    break;
                }

                await Task.Delay(500);
            }

            var seconds = stopwatch.Elapsed.TotalSeconds;
            await sampling.CancelAsync();
            return
            [
                new BenchResult(
                    $"service: burst of {count} uploads on one node",
                    count * 2 / seconds,
                    await peak,
                    $"{completed}/{count} Completed; {errors} uploads failed or timed out; uploads took {uploaded:F1} s ({count / uploaded:F0}/s), all Completed after {seconds:F1} s"),
            ];
        }
        finally
        {
            await sampling.CancelAsync();
            await host.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static byte[] Tone(double frequency, double seconds, int sampleRate = 8000)
    {
        var samples = new float[(int)(seconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        using var stream = new MemoryStream();
        WavWriter.WriteFloat32(stream, samples, sampleRate);
        return stream.ToArray();
    }

    private static async Task<double> SamplePeakRssAsync(int pid, CancellationToken cancellationToken)
    {
        double peak = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024);
                }

                await Task.Delay(250, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                break;
            }
        }

        return peak;
    }
}
