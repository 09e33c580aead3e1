using System.Net;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>
/// A minimal OTLP/HTTP receiver on 127.0.0.1: keeps every protobuf payload posted to /v1/traces, /v1/metrics, /v1/logs.
/// The tests search payloads for known bytes (trace ids, span and metric names) rather than decoding protobuf.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Path, byte[] Body)> _payloads = [];
    private readonly Task _loop;

    public OtlpCollector()
    {
        var port = FreePorts.Take(1)[0];
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    public IReadOnlyList<byte[]> Payloads(string path)
    {
        lock (_payloads)
        {
            return [.. _payloads.Where(p => p.Path == path).Select(p => p.Body)];
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_payloads)
            {
                _payloads.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
