using Orleans.Runtime;

namespace OrleansGenres.Host.Tests.Contract;

/// <summary>
/// What Orleans' reminder service relies on from a reminder table, run against ours (Local files) and Orleans' Azure
/// Table one alike: rows by grain and by hash range of the ring, ETags that change on every upsert, conditional removal.
/// </summary>
public abstract class ReminderTableContract : IAsyncLifetime
{
    private ProviderSilo _silo = null!;

    protected abstract Task<ProviderSilo> StartSiloAsync();

    public async Task InitializeAsync() => _silo = await StartSiloAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IReminderTable Table => _silo.Reminders;

    private static ReminderEntry Entry(GrainId grain, string name, int minutes = 1) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(minutes),
    };

    [Fact]
    public async Task Upserted_rows_read_back_by_grain_and_by_name()
    {
        var grain = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        var etag = await Table.UpsertRow(Entry(grain, "watch"));
        await Table.UpsertRow(Entry(grain, "other", 2));

        var row = await Table.ReadRow(grain, "watch");
        Assert.NotNull(row);
        Assert.Equal((grain, "watch", TimeSpan.FromMinutes(1)), (row!.GrainId, row.ReminderName, row.Period));
        Assert.Equal(etag, row.ETag);
        Assert.Equal(["other", "watch"], (await Table.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Order());
        Assert.Null(await Table.ReadRow(grain, "missing"));
        Assert.Empty((await Table.ReadRows(GrainId.Create("contract", "nobody"))).Reminders);
    }

    [Fact]
    public async Task Range_reads_take_the_rows_whose_grain_hash_is_in_the_range()
    {
        var grain = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        await Table.UpsertRow(Entry(grain, "watch"));
        var hash = grain.GetUniformHashCode();

        Assert.Contains((await Table.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == grain);
        Assert.DoesNotContain((await Table.ReadRows(hash, hash + 1)).Reminders, r => r.GrainId == grain);
        // A range that wraps around the end of the ring.
        Assert.Contains((await Table.ReadRows(hash + 1, hash)).Reminders, r => r.GrainId == grain);
    }

    [Fact]
    public async Task Removal_needs_the_current_etag_and_an_upsert_changes_it()
    {
        var grain = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        var first = await Table.UpsertRow(Entry(grain, "watch"));
        var second = await Table.UpsertRow(Entry(grain, "watch", 5));
        Assert.NotEqual(first, second);
        Assert.Equal(TimeSpan.FromMinutes(5), (await Table.ReadRow(grain, "watch"))!.Period);

        Assert.False(await Table.RemoveRow(grain, "watch", first!));
        Assert.NotNull(await Table.ReadRow(grain, "watch"));
        Assert.True(await Table.RemoveRow(grain, "watch", second!));
        Assert.Null(await Table.ReadRow(grain, "watch"));
        Assert.False(await Table.RemoveRow(grain, "watch", second!));
    }
}
