namespace OrleansGenres.Host.Tests.Support;

/// <summary>Host settings the tests combine: storage backend, tenants, roles, analysis timings.</summary>
public static class ServiceSettings
{
    public const string AcmeKey = "acme-key-0123456789abcdef";
    public const string GlobexKey = "globex-key-0123456789abcdef";

    public static Dictionary<string, string> Local(string dataPath) => new()
    {
        ["Storage:Provider"] = "Local",
        ["Storage:Local:Path"] = dataPath,
    };

    /// <summary>Azure storage (Azurite); the container also names the Orleans cluster, so hosts given the same one form a cluster.</summary>
    public static Dictionary<string, string> Azure(string connectionString, string container) => new()
    {
        ["Storage:Provider"] = "Azure",
        ["Storage:Azure:ConnectionString"] = connectionString,
        ["Storage:Azure:Container"] = container,
        ["Orleans:ClusterId"] = container,
        // Notice a killed silo within a few seconds (Orleans' defaults take ~10 s).
        ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["Orleans:Membership:IAmAliveTablePublishTimeout"] = "00:00:05",
        ["Orleans:Membership:TableRefreshTimeout"] = "00:00:05",
    };

    /// <summary>Two tenants, acme and globex, neither admin; a track's watch every 2 s so recovery tests run in seconds.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> settings, string? roles = null, string? workerId = null, long? maxUploadBytes = null)
    {
        settings["Auth:Tenants:acme:ApiKey"] = AcmeKey;
        settings["Auth:Tenants:globex:ApiKey"] = GlobexKey;
        settings["Analysis:ReminderPeriod"] = "00:00:02";
        settings["Analysis:RetryDelay"] = "00:00:01";
        settings["Analysis:BusyRetryDelay"] = "00:00:00.200";
        settings["Training:ReminderPeriod"] = "00:00:02";
        settings["Training:RetryDelay"] = "00:00:01";
        settings["Training:BusyRetryDelay"] = "00:00:00.200";
        settings["RequestsPerSecond"] = "0";
        if (roles is not null)
        {
            settings["Roles"] = roles;
        }

        if (workerId is not null)
        {
            settings["Analysis:WorkerId"] = workerId;
        }

        if (maxUploadBytes is not null)
        {
            settings["MaxUploadBytes"] = maxUploadBytes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>Trainer settings: its id and scratch folder, and quick progress reports.</summary>
    public static Dictionary<string, string> AsTrainer(this Dictionary<string, string> settings, string trainerId, string workPath)
    {
        settings["Training:TrainerId"] = trainerId;
        settings["Training:WorkPath"] = workPath;
        settings["Training:ProgressInterval"] = "00:00:00.500";
        return settings;
    }
}
