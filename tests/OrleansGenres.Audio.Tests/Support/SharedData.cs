namespace OrleansGenres.Audio.Tests.Support;

/// <summary>Paths into ../shared (datasets and reference vectors), found by walking up from the test binaries.</summary>
public static class SharedData
{
    public static string Root { get; } = FindRoot();

    public static string Datasets => Path.Combine(Root, "datasets");

    public static string MelReference => Path.Combine(Root, "reference", "mel");

    public static string Dataset(string name, string relativePath) => Path.Combine(Datasets, name, relativePath);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("ORLEANSGENRES_SHARED") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "reference", "mel")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("../shared (datasets, reference) not found beside the repository; set ORLEANSGENRES_SHARED");
    }
}
