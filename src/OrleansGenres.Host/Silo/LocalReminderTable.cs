using System.Globalization;
using System.Text.Json;
using Orleans.Runtime;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Silo;

/// <summary>
/// Orleans reminders on the embedded silo, durable in the Local object store: one object per reminder under
/// <c>reminders/{service}/{grain hash:x8}/{grain id}/{name}</c>. The hash in the key lets range reads (a silo's share of
/// the ring) filter by key alone; the store's ETags are the reminder ETags. Orleans ships no file-backed table; this is
/// the smallest one over the store the service already has.
/// </summary>
public sealed class LocalReminderTable(IObjectStore objects, string serviceId) : IReminderTable
{
    private string Root => $"reminders/{ObjectKeySegments.Encode(serviceId)}/";

    public Task Init() => Task.CompletedTask;

    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        new(await ReadAllAsync(PrefixOf(grainId), _ => true).ConfigureAwait(false));

    public async Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        // (begin, end] on the ring, wrapping around when begin >= end.
        new(await ReadAllAsync(Root, hash => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end).ConfigureAwait(false));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var stored = await objects.GetAsync(KeyOf(grainId, reminderName)).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        await using (stored.ConfigureAwait(false))
        {
            return await ToEntryAsync(stored).ConfigureAwait(false);
        }
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new StoredReminder(entry.GrainId.ToString(), entry.ReminderName, entry.StartAt, entry.Period);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record));
        var written = await objects.PutAsync(KeyOf(entry.GrainId, entry.ReminderName), content).ConfigureAwait(false);
        return written.ETag.Value;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        try
        {
            return await objects.DeleteAsync(KeyOf(grainId, reminderName), new ETag(eTag)).ConfigureAwait(false);
        }
        catch (PreconditionFailedException)
        {
            return false;
        }
    }

    public async Task TestOnlyClearTable()
    {
        var keys = new List<string>();
        await foreach (var properties in objects.ListAsync(Root).ConfigureAwait(false))
        {
            keys.Add(properties.Key);
        }

        foreach (var key in keys)
        {
            await objects.DeleteAsync(key).ConfigureAwait(false);
        }
    }

    private string PrefixOf(GrainId grainId) =>
        $"{Root}{grainId.GetUniformHashCode().ToString("x8", CultureInfo.InvariantCulture)}/{ObjectKeySegments.Encode(grainId.ToString())}/";

    private string KeyOf(GrainId grainId, string reminderName) => PrefixOf(grainId) + "r-" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(reminderName));

    private async Task<List<ReminderEntry>> ReadAllAsync(string prefix, Func<uint, bool> inRange)
    {
        var entries = new List<ReminderEntry>();
        await foreach (var properties in objects.ListAsync(prefix).ConfigureAwait(false))
        {
            var hashText = properties.Key.AsSpan(Root.Length, 8);
            if (!uint.TryParse(hashText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hash) || !inRange(hash))
            {
                continue;
            }

            var stored = await objects.GetAsync(properties.Key).ConfigureAwait(false);
            if (stored is null)
            {
                continue; // removed meanwhile
            }

            await using (stored.ConfigureAwait(false))
            {
                entries.Add(await ToEntryAsync(stored).ConfigureAwait(false));
            }
        }

        return entries;
    }

    private static async Task<ReminderEntry> ToEntryAsync(StoredObject stored)
    {
        var record = await JsonSerializer.DeserializeAsync<StoredReminder>(stored.Content).ConfigureAwait(false)
            ?? throw new InvalidDataException("An empty reminder record.");
        return new ReminderEntry
        {
            GrainId = GrainId.Parse(record.GrainId),
            ReminderName = record.Name,
            StartAt = record.StartAt,
            Period = record.Period,
            ETag = stored.Properties.ETag.Value,
        };
    }

    private sealed record StoredReminder(string GrainId, string Name, DateTime StartAt, TimeSpan Period);
}
