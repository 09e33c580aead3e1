using Microsoft.Playwright;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Browser;

/// <summary>The web UI in a real browser against a real host process: sign-in, upload, live status, small screens.</summary>
public sealed class TracksPageTests : IDisposable
{
    private readonly TempDirectory _data = new("host-ui");

    [Fact]
    public async Task Signed_in_with_a_key_an_uploaded_file_reaches_Completed_with_tags_without_a_reload()
    {
        await using var host = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With());
        await using var browser = await UiBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();

        // Signed out, the tracks page sends the browser to sign in, and back afterwards.
        await page.GotoAsync(new Uri(host.BaseAddress, "/tracks").ToString());
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#apiKey", "not-a-key-of-anyone-here");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        await UiBrowser.ScreenshotAsync(page, "sign-in");
        await page.FillAsync("#apiKey", ServiceSettings.AcmeKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/tracks", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("tenant")).ToHaveTextAsync("acme");

        // The session is a cookie the page's scripts cannot read.
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "genres-ui");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        // A marker in the page's JavaScript state survives only if the page is never reloaded.
        await Assertions.Expect(page.GetByTestId("tracks-title")).ToHaveAttributeAsync("data-interactive", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await page.EvaluateAsync("() => window.notReloaded = true");
        var file = Path.Combine(_data.Path, "tone-440.wav");
        await File.WriteAllBytesAsync(file, TestAudio.ToneWav(440, 6));
        Assert.Equal(1, await page.Locator("input[type=file]").CountAsync());
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("choose-files").ClickAsync());
        await chooser.SetFilesAsync(file);

        var status = page.GetByTestId("track-status");
        await Assertions.Expect(status).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        await Assertions.Expect(status).ToHaveTextAsync("Completed", new LocatorAssertionsToHaveTextOptions { Timeout = 90_000 });
        await Assertions.Expect(page.GetByTestId("track-tags")).Not.ToBeEmptyAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Assertions.Expect(page.GetByText("tone-440.wav")).Not.ToHaveCountAsync(0);
        await UiBrowser.ScreenshotAsync(page, "tracks");

        // The track's page: tags, the original for the player, and the timeline heatmap with one column per window.
        await page.GetByText("tone-440.wav").Last.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/tracks/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("track-title")).ToHaveAttributeAsync("data-interactive", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("tag-scores")).Not.ToBeEmptyAsync();
        var trackId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        using var acme = host.Client(ServiceSettings.AcmeKey);
        var windowCount = (await acme.GetJsonAsync($"/api/tracks/{trackId}")).Body.GetProperty("windowCount").GetInt32();
        Assert.True(windowCount >= 2);
        await page.WaitForFunctionAsync("() => document.getElementById('timeline-heatmap')?.data?.length === 1");
        Assert.Equal(windowCount, await page.EvaluateAsync<int>("() => document.getElementById('timeline-heatmap').data[0].z[0].length"));
        Assert.Equal(windowCount, await page.EvaluateAsync<int>("() => document.getElementById('timeline-heatmap').data[0].x.length"));
        var audio = await page.Context.APIRequest.GetAsync(new Uri(host.BaseAddress, $"/ui/tracks/{trackId}/audio").ToString());
        Assert.Equal(200, audio.Status);
        Assert.Equal(new FileInfo(file).Length, (await audio.BodyAsync()).Length);
        await UiBrowser.ScreenshotAsync(page, "track");

        // Re-analysing with the model that analysed it is nothing to do, and says so.
        await page.GetByTestId("reanalyze").ClickAsync();
        await Assertions.Expect(page.GetByText("Already analysed with the active model.")).ToBeVisibleAsync();

        // Deleting (after confirming) leaves the list empty and the track gone for the API too.
        await page.GetByTestId("delete").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Delete", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/tracks", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("No tracks yet")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await acme.GetAsync($"/api/tracks/{trackId}")).StatusCode);

        // The API still wants the key: the cookie alone is not a credential for it.
        var api = await page.Context.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/tracks").ToString());
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task On_a_phone_sized_screen_the_tracks_page_needs_no_horizontal_scrolling()
    {
        await using var host = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With());
        await using var browser = await UiBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync(new Uri(host.BaseAddress, "/sign-in").ToString());
        await page.FillAsync("#apiKey", ServiceSettings.AcmeKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/tracks", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("choose-files")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the screen");
        await UiBrowser.ScreenshotAsync(page, "tracks-phone");
    }

    public void Dispose() => _data.Dispose();
}
