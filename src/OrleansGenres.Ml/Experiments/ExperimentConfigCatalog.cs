using System.Reflection;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// The ready-made experiment configs shipped inside this assembly (Experiments/Configs/*.json), and resolution of a
/// name-or-file argument: a path to a JSON file wins, else a shipped config of that name.
/// </summary>
public static class ExperimentConfigCatalog
{
    private const string ResourcePrefix = "OrleansGenres.Ml.Experiments.Configs.";

    public static IReadOnlyList<ExperimentConfig> BuiltIn()
    {
        var assembly = typeof(ExperimentConfigCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => ExperimentConfig.Parse(ReadResource(assembly, name), name[ResourcePrefix.Length..]))];
    }

    public static ExperimentConfig Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        if (File.Exists(nameOrPath))
        {
            return ExperimentConfig.Parse(File.ReadAllText(nameOrPath), nameOrPath);
        }

        var builtIn = BuiltIn();
        return builtIn.FirstOrDefault(config => string.Equals(config.Name, nameOrPath, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"no config file or built-in config named '{nameOrPath}'; built-in: {string.Join(", ", builtIn.Select(config => config.Name))}");
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
