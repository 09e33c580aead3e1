using System.Net;
using System.Text;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>Traces span API → track grain → analysis silo across processes, and metrics leave over OTLP when an endpoint is set.</summary>
public sealed class TelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_worker_continues_the_upload_trace_in_another_process_and_exports_metrics()
    {
        using var collector = new OtlpCollector();
        Dictionary<string, string> Telemetry(Dictionary<string, string> settings, string service)
        {
            settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
            settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            settings["OTEL_SERVICE_NAME"] = service;
            settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
            settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
            return settings;
        }

        var container = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var api = await HostProcess.StartAsync(Telemetry(ServiceSettings.Azure(azurite.ConnectionString, container).With(roles: "api"), "genres-test-api"));
        await using var worker = await HostProcess.StartAsync(Telemetry(ServiceSettings.Azure(azurite.ConnectionString, container).With(roles: "analysis"), "genres-test-worker"));
        using var acme = api.Client(ServiceSettings.AcmeKey);

        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var content = new ByteArrayContent(TestAudio.ToneWav(523, 2));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tracks") { Content = content };
        request.Headers.Add("traceparent", $"00-{traceId}-{new string('1', 16)}-01");
        using var response = await acme.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal("Completed", (await acme.WaitForTrackAsync(id, TimeSpan.FromSeconds(60))).Status());

        var traceBytes = Convert.FromHexString(traceId);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        bool workerSpan = false, apiSpan = false, metrics = false;
        while (DateTime.UtcNow < deadline && !(workerSpan && apiSpan && metrics))
        {
            var traces = collector.Payloads("/v1/traces");
            workerSpan = traces.Any(p => Contains(p, "genres-test-worker") && Contains(p, "analyze track") && p.AsSpan().IndexOf(traceBytes) >= 0);
            apiSpan = traces.Any(p => Contains(p, "genres-test-api") && Contains(p, "upload track") && p.AsSpan().IndexOf(traceBytes) >= 0);
            metrics = collector.Payloads("/v1/metrics").Any(p => Contains(p, "genres-test-worker") && Contains(p, "genres.tracks.analysed") && Contains(p, "genres.analysis.realtime_factor") && Contains(p, "genres.analysis.waiting"));
            await Task.Delay(200);
        }

        Assert.True(apiSpan, "the API's upload span carries the client's trace id");
        Assert.True(workerSpan, "the worker's analysis span, in another process, continues the same trace");
        Assert.True(metrics, "the worker exports its analysis metrics");
    }

    private static bool Contains(byte[] payload, string text) => payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
