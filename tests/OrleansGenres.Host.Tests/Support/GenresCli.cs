using System.Diagnostics;
using System.Reflection;

namespace OrleansGenres.Host.Tests.Support;

/// <summary>The real `genres` command line, run as a child process from the folder its own build put it in.</summary>
public static class GenresCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>genres.dll, as the test project's build found it (see OrleansGenres.Host.Tests.csproj).</summary>
    public static string Path { get; } = typeof(GenresCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "GenresCli").Value!;

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(Path);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"genres {string.Join(' ', arguments)} did not finish in 3 minutes:\n{await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
