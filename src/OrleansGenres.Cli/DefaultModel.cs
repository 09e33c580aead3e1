namespace OrleansGenres.Cli;

/// <summary>
/// The model `tag` uses without --model: $GENRES_MODEL, else the default model shipped beside the program
/// (models/default, copied from the repository's models/default at build time).
/// </summary>
internal static class DefaultModel
{
    public static string Resolve(string? option)
    {
        if (option is { Length: > 0 })
        {
            return option;
        }

        if (Environment.GetEnvironmentVariable("GENRES_MODEL") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        return Path.Combine(AppContext.BaseDirectory, "models", "default");
    }
}
