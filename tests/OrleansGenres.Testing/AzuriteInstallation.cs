using System.Diagnostics;
using System.Text.Json;

namespace OrleansGenres.Testing;

/// <summary>
/// Azurite (npm <c>azurite</c>, pinned: newer versions need Node 21+) installed once per machine under the tools
/// folder: <c>$GENRES_TOOLS_DIR/azurite-VERSION</c>, or <c>~/.cache/orleansgenres/tools/azurite-VERSION</c>.
/// <c>./build.sh test</c> installs it ahead of the tests the same way; this is the fallback. Concurrent installers
/// (test processes, build.sh) take turns on an exclusive lock file (flock) beside the folder, and an install goes
/// to a temporary folder renamed into place when complete, so nobody ever sees half an installation.
/// </summary>
public static class AzuriteInstallation
{
    public const string Version = "3.35.0";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    public static string ToolsRoot =>
        Environment.GetEnvironmentVariable("GENRES_TOOLS_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "orleansgenres", "tools");

    public static string Folder => Path.Combine(ToolsRoot, $"azurite-{Version}");

    /// <summary>The script node runs: Azurite with blob, queue and table services.</summary>
    public static string EntryPoint(string folder) => Path.Combine(folder, "node_modules", "azurite", "dist", "src", "azurite.js");

    public static bool IsInstalled(string folder)
    {
        string manifest = Path.Combine(folder, "node_modules", "azurite", "package.json");
        if (!File.Exists(manifest) || !File.Exists(EntryPoint(folder)))
        {
            return false;
        }

        using JsonDocument package = JsonDocument.Parse(File.ReadAllBytes(manifest));
        return package.RootElement.TryGetProperty("version", out JsonElement version) && version.GetString() == Version;
    }

    /// <summary>The entry script, installing Azurite first when it is missing.</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken ct = default)
    {
        string folder = Folder;
        if (IsInstalled(folder))
        {
            return EntryPoint(folder);
        }

        string npm = ExecutableLocator.Require("npm", AzuriteServer.NodeHint);
        Directory.CreateDirectory(ToolsRoot);
        using (await LockAsync(folder + ".lock", ct).ConfigureAwait(false))
        {
            if (!IsInstalled(folder))
            {
                string staging = $"{folder}.tmp-{Guid.NewGuid():N}";
                try
                {
                    var (exitCode, output) = await ProcessRunner.RunAsync(
                        npm, ["install", "--prefix", staging, $"azurite@{Version}", "--no-audit", "--no-fund"], InstallTimeout, ct).ConfigureAwait(false);
                    if (exitCode != 0 || !IsInstalled(staging))
                    {
                        throw new InvalidOperationException($"npm could not install azurite@{Version} (exit code {exitCode}):\n{output}");
                    }

                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true); // an older or broken installation
                    }

                    Directory.Move(staging, folder);
                }
                finally
                {
                    if (Directory.Exists(staging))
                    {
                        Directory.Delete(staging, recursive: true);
                    }
                }
            }
        }

        return EntryPoint(folder);
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken ct)
    {
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix: the same lock `flock` takes in build.sh.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException))
            {
                if (Stopwatch.GetElapsedTime(started) > LockTimeout)
                {
                    throw new TimeoutException($"Another process has been installing Azurite for over {LockTimeout} ({path}).", e);
                }

                await Task.Delay(200, ct).ConfigureAwait(false);
            }
        }
    }
}
