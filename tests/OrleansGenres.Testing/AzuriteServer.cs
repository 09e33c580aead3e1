using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OrleansGenres.Testing;

/// <summary>
/// One Azurite process (blob, queue and table services) on free 127.0.0.1 ports with its own temporary data folder.
/// Several processes under test can share it through <see cref="ConnectionString"/>. Disposing kills the process
/// tree and deletes the data folder.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development storage key (public; Azurite accepts only it).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    internal const string NodeHint =
        "Azurite tests need Node.js 20 and npm: run ./build.sh (it installs the Debian packages nodejs and npm when npm is missing).";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int StartAttempts = 3;

    private readonly Process _process;
    private readonly TempDirectory _data;
    private readonly StringBuilder _output;

    private AzuriteServer(Process process, TempDirectory data, StringBuilder output, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _data = data;
        _output = output;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    /// <summary>Explicit endpoints, so it works whatever ports were picked.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Installs Azurite when missing, starts it and waits until its ports answer.</summary>
    public static async Task<AzuriteServer> StartAsync(CancellationToken ct = default)
    {
        string node = ExecutableLocator.Require("node", NodeHint);
        string entryPoint = await AzuriteInstallation.EnsureInstalledAsync(ct).ConfigureAwait(false);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(node, entryPoint, ct).ConfigureAwait(false);
            }
            catch (AzuriteStartException) when (attempt < StartAttempts)
            {
                // Most likely a port taken between choosing it and Azurite binding it: choose again.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it will be reaped with the test process.
        }
        finally
        {
            _process.Dispose();
            _data.Dispose();
        }
    }

    /// <summary>What Azurite printed so far (for diagnosing a failed test).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private static async Task<AzuriteServer> TryStartAsync(string node, string entryPoint, CancellationToken ct)
    {
        int[] ports = FreePorts.Take(3);
        var data = new TempDirectory("azurite");
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = data.Path,
        };
        string[] arguments =
        [
            entryPoint,
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
            "--location", data.Path,
            "--disableTelemetry", // without it Azurite tries to reach the internet
            "--skipApiVersionCheck",
            "--silent",
        ];
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var server = new AzuriteServer(process, data, output, ports[0], ports[1], ports[2]);
        try
        {
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await server.WaitUntilListeningAsync(ct).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken ct)
    {
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new AzuriteStartException($"Azurite exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            if (await FreePorts.AnswersAsync(BlobPort, ct).ConfigureAwait(false)
                && await FreePorts.AnswersAsync(QueuePort, ct).ConfigureAwait(false)
                && await FreePorts.AnswersAsync(TablePort, ct).ConfigureAwait(false))
            {
                // A port may answer for another process that took it between our choice and Azurite's bind (a silo or
                // another Azurite starting in parallel): only sockets Azurite itself listens on count.
                if (!ListeningSockets.IsListenedToBy(_process.Id, BlobPort) || !ListeningSockets.IsListenedToBy(_process.Id, QueuePort)
                    || !ListeningSockets.IsListenedToBy(_process.Id, TablePort))
                {
                    throw new AzuriteStartException($"another process holds one of Azurite's ports {BlobPort}/{QueuePort}/{TablePort}:\n{Output}");
                }

                return;
            }

            if (Stopwatch.GetElapsedTime(started) > StartTimeout)
            {
                throw new TimeoutException($"Azurite did not listen on ports {BlobPort}/{QueuePort}/{TablePort} within {StartTimeout}:\n{Output}");
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
