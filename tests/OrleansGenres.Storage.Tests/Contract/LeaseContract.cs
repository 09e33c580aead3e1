namespace OrleansGenres.Storage.Tests.Contract;

/// <summary>Leases on lock objects, run against each backend (15 s is the shortest lease Blob Storage grants).</summary>
public abstract class LeaseContract : StorageContract
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_lease_is_exclusive_and_creates_its_lock_object()
    {
        Assert.Null(await Store.GetPropertiesAsync("leases/jobs/1"));

        ObjectLease? first = await Store.TryAcquireLeaseAsync("leases/jobs/1", TimeSpan.FromSeconds(30));

        Assert.NotNull(first);
        Assert.Equal("leases/jobs/1", first.Key);
        Assert.Equal(TimeSpan.FromSeconds(30), first.Duration);
        Assert.False(string.IsNullOrEmpty(first.LeaseId));
        Assert.Equal(0, (await Store.GetPropertiesAsync("leases/jobs/1"))!.Length);
        Assert.Null(await Store.TryAcquireLeaseAsync("leases/jobs/1", Shortest));
        Assert.NotNull(await Store.TryAcquireLeaseAsync("leases/jobs/2", Shortest)); // other names are independent
    }

    [Fact]
    public async Task Renew_keeps_the_lease_and_release_lets_another_owner_in()
    {
        ObjectLease lease = (await Store.TryAcquireLeaseAsync("leases/trainer", Shortest))!;

        await Store.RenewLeaseAsync(lease);
        Assert.Null(await Store.TryAcquireLeaseAsync("leases/trainer", Shortest));

        await Store.ReleaseLeaseAsync(lease);
        ObjectLease? next = await Store.TryAcquireLeaseAsync("leases/trainer", Shortest);

        Assert.NotNull(next);
        Assert.NotEqual(lease.LeaseId, next.LeaseId);
        await Assert.ThrowsAsync<LeaseLostException>(() => Store.RenewLeaseAsync(lease));
        await Store.ReleaseLeaseAsync(lease); // releasing a lost lease is not an error, and does not free it
        Assert.Null(await Store.TryAcquireLeaseAsync("leases/trainer", Shortest));
    }

    [Fact]
    public async Task A_released_lease_cannot_be_renewed()
    {
        ObjectLease lease = (await Store.TryAcquireLeaseAsync("leases/released", Shortest))!;
        await Store.ReleaseLeaseAsync(lease);

        await Assert.ThrowsAsync<LeaseLostException>(() => Store.RenewLeaseAsync(lease));
    }

    [Fact]
    public async Task An_expired_lease_can_be_taken_by_another_owner()
    {
        ObjectLease stale = (await Store.TryAcquireLeaseAsync("leases/expiring", Shortest))!;

        await Task.Delay(Shortest + TimeSpan.FromSeconds(1));
        ObjectLease? taker = await Store.TryAcquireLeaseAsync("leases/expiring", Shortest);

        Assert.NotNull(taker);
        await Assert.ThrowsAsync<LeaseLostException>(() => Store.RenewLeaseAsync(stale));
        await Store.ReleaseLeaseAsync(stale);
        await Store.RenewLeaseAsync(taker);
        Assert.Null(await Store.TryAcquireLeaseAsync("leases/expiring", Shortest));
    }

    [Fact]
    public async Task A_leased_key_cannot_be_written_or_deleted()
    {
        ObjectLease lease = (await Store.TryAcquireLeaseAsync("leases/locked", Shortest))!;

        await Assert.ThrowsAsync<PreconditionFailedException>(() => Store.PutAsync("leases/locked", new MemoryStream([1])));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => Store.DeleteAsync("leases/locked"));

        await Store.ReleaseLeaseAsync(lease);
        Assert.True(await Store.DeleteAsync("leases/locked"));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    [InlineData(15.5)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Durations_outside_15_to_60_whole_seconds_are_rejected(double seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.TryAcquireLeaseAsync("leases/x", TimeSpan.FromSeconds(seconds)));
    }
}
