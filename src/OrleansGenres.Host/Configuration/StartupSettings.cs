using OrleansGenres.Host.Auth;

namespace OrleansGenres.Host.Configuration;

/// <summary>
/// Every settings section, bound once at start and checked together before anything starts: a bad configuration is
/// reported as every problem in a few lines and a non-zero exit, never a stack trace (the service's checks and the
/// binder's own "cannot convert" errors alike).
/// </summary>
public sealed record StartupSettings(
    ServiceOptions Service,
    StorageSettings Storage,
    ModelSettings Models,
    AuthSettings Auth,
    ComparisonSettings Comparison,
    AnalysisSettings Analysis,
    ClusterSettings Cluster,
    TrainingRoleSettings Training)
{
    /// <summary>The sections as bound; <paramref name="problems"/> lists what is wrong (empty when all is well).</summary>
    public static StartupSettings? Bind(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        StartupSettings settings;
        try
        {
            settings = new StartupSettings(
                configuration.Get<ServiceOptions>() ?? new(),
                configuration.GetSection("Storage").Get<StorageSettings>() ?? new(),
                configuration.GetSection("Models").Get<ModelSettings>() ?? new(),
                configuration.GetSection("Auth").Get<AuthSettings>() ?? new(),
                configuration.GetSection("Comparison").Get<ComparisonSettings>() ?? new(),
                configuration.GetSection("Analysis").Get<AnalysisSettings>() ?? new(),
                configuration.GetSection("Orleans").Get<ClusterSettings>() ?? new(),
                configuration.GetSection("Training").Get<TrainingRoleSettings>() ?? new());
        }
        catch (InvalidOperationException e)
        {
            // The binder names the setting and the value it could not convert.
            problems = [e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message];
            return null;
        }

        problems =
        [
            .. settings.Service.Validate(), .. settings.Storage.Validate(), .. settings.Models.Validate(), .. settings.Auth.Validate(),
            .. settings.Comparison.Validate(), .. settings.Analysis.Validate(), .. settings.Cluster.Validate(), .. settings.Training.Validate(),
        ];
        return settings;
    }
}
