namespace OrleansGenres.Ml.Features;

/// <summary>Where feature caches live unless told: $GENRES_CACHE, else $XDG_CACHE_HOME/orleansgenres, else ~/.cache/orleansgenres.</summary>
public static class FeatureCacheLocation
{
    public static string Default()
    {
        if (Environment.GetEnvironmentVariable("GENRES_CACHE") is { Length: > 0 } explicitRoot)
        {
            return explicitRoot;
        }

        var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cacheHome, "orleansgenres", "features");
    }
}
