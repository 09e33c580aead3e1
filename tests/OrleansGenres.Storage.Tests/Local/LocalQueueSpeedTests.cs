using System.Diagnostics;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;
using Xunit.Abstractions;

namespace OrleansGenres.Storage.Tests.Local;

/// <summary>Receiving must stay cheap with a backlog: a worker polls often. Timed alone, after the parallel suites.</summary>
[Collection(nameof(TimingCollection))]
public sealed class LocalQueueSpeedTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _folder = new("storage");

    [Fact]
    public async Task Receiving_from_a_queue_of_300_messages_takes_well_under_10_ms()
    {
        using var provider = new LocalStorageProvider(new LocalStorageOptions { Path = _folder.Path, FlushToDisk = false });
        IWorkQueue queue = provider.GetQueue("backlog");
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => queue.SendAsync($"{{\"track\":{i}}}")));
        await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)); // warm-up (JIT)

        var timings = new List<double>();
        for (int i = 0; i < 21; i++)
        {
            long started = Stopwatch.GetTimestamp();
            Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        double median = timings.Order().ElementAt(timings.Count / 2);
        output.WriteLine($"receive 1 of ~300: median {median:0.000} ms, max {timings.Max():0.000} ms; {string.Join(", ", timings.Select(t => t.ToString("0.0")))}");
        Assert.True(median < 10, $"median receive took {median:0.00} ms");
    }

    public void Dispose() => _folder.Dispose();
}
