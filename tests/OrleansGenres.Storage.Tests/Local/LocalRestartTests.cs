using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Storage.Tests.Local;

/// <summary>Local is the embedded default: what it stored must outlive the process that stored it.</summary>
public sealed class LocalRestartTests : IDisposable
{
    private readonly TempDirectory _folder = new("storage");

    [Fact]
    public async Task Objects_and_leases_survive_a_restart()
    {
        ObjectProperties written;
        ObjectLease lease;
        using (var before = Open())
        {
            written = await before.Objects.PutAsync("tracks/acme/t1.json", new MemoryStream("{}"u8.ToArray()),
                new PutOptions { ContentType = "application/json", Metadata = new Dictionary<string, string> { ["tenant"] = "acme" } });
            lease = (await before.Objects.TryAcquireLeaseAsync("leases/jobs/j1", TimeSpan.FromSeconds(60)))!;
        }

        using var after = Open();
        ObjectProperties? read = await after.Objects.GetPropertiesAsync("tracks/acme/t1.json");
        Assert.NotNull(read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("acme", read.Metadata["tenant"]);
        Assert.Equal("application/json", read.ContentType);
        Assert.Null(await after.Objects.TryAcquireLeaseAsync("leases/jobs/j1", TimeSpan.FromSeconds(15)));
        await after.Objects.RenewLeaseAsync(lease); // the lease id is durable too
    }

    [Fact]
    public async Task Queued_and_received_messages_survive_a_restart()
    {
        QueueMessage hidden;
        using (var before = Open())
        {
            IWorkQueue queue = before.GetQueue("analyze");
            await queue.SendAsync("first");
            await queue.SendAsync("second");
            hidden = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        }

        using var after = Open();
        IWorkQueue reopened = after.GetQueue("analyze");
        Assert.Equal(2, await reopened.GetApproximateCountAsync());
        QueueMessage visible = Assert.Single(await reopened.ReceiveAsync(32, TimeSpan.FromMinutes(5))); // the other stays hidden
        Assert.NotEqual(hidden.Id, visible.Id);
        Assert.Equal(["first", "second"], new[] { hidden.Body, visible.Body }.Order());

        await reopened.CompleteAsync(hidden); // a receipt from before the restart still works
        await reopened.CompleteAsync(visible);
        Assert.Equal(0, await reopened.GetApproximateCountAsync());
    }

    public void Dispose() => _folder.Dispose();

    private LocalStorageProvider Open() => new(new LocalStorageOptions { Path = _folder.Path });
}
