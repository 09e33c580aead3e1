using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>A bad configuration stops the host before it starts: every problem in a few lines, exit code 2, no stack trace.</summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly TempDirectory _data = new("host-settings");

    [Fact]
    public async Task Every_problem_is_listed_in_a_few_lines_and_the_host_exits_2()
    {
        var settings = ServiceSettings.Local(_data.Path).With();
        settings["Auth:Tenants:acme:ApiKey"] = "too-short";
        settings["Analysis:Concurrency"] = "99";
        settings["Roles"] = "api,cooking";

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(settings));

        Assert.Contains("the host exited (2)", failed.Message);
        Assert.Contains("Auth:Tenants:acme:ApiKey must be at least 16 characters", failed.Message);
        Assert.Contains("Analysis:Concurrency must be 1-32", failed.Message);
        Assert.Contains("Unknown role 'cooking'", failed.Message);
        Assert.DoesNotContain("   at ", failed.Message);
        Assert.DoesNotContain("Exception", failed.Message);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_with_its_setting()
    {
        var settings = ServiceSettings.Local(_data.Path).With();
        settings["MaxUploadBytes"] = "lots";

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(settings));

        Assert.Contains("the host exited (2)", failed.Message);
        Assert.Contains("'lots' at 'MaxUploadBytes'", failed.Message);
        Assert.DoesNotContain("   at ", failed.Message);
    }

    public void Dispose() => _data.Dispose();
}
