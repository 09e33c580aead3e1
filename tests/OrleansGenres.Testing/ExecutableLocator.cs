namespace OrleansGenres.Testing;

/// <summary>Finds programs on PATH, the way a shell would.</summary>
public static class ExecutableLocator
{
    public static string? Find(string name)
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string Require(string name, string why) =>
        Find(name) ?? throw new InvalidOperationException($"'{name}' is not on PATH. {why}");
}
