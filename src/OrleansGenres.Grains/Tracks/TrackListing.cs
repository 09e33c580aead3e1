using System.Globalization;
using System.Runtime.CompilerServices;
using OrleansGenres.Grains.Tenancy;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// The tenant's catalogue: lists state documents by prefix and filters on the metadata written beside each one
/// (status, assigned tags, upload time), so a filtered page reads only the documents it returns.
/// </summary>
public sealed class TrackListing(IObjectStore objects)
{
    public const int MaxPageSize = 100;

    private const string StatusKey = "status", TagsKey = "tags", UploadedKey = "uploaded";

    public static IReadOnlyDictionary<string, string> MetadataOf(TrackState state)
    {
        var metadata = new Dictionary<string, string>
        {
            [StatusKey] = state.Status.ToString(),
            [UploadedKey] = state.UploadedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        };
        // Labels come from datasets (any text): escaped so they are header-safe; ',' separates them.
        var tags = string.Join(',', state.Analysis?.Tags.Where(t => t.Assigned).Select(t => Uri.EscapeDataString(t.Label)) ?? []);
        if (tags.Length > 0)
        {
            metadata[TagsKey] = tags;
        }

        return metadata;
    }

    /// <summary>The status recorded in a state document's metadata (from a listing), or null when there is none.</summary>
    public static TrackStatus? StatusOf(IReadOnlyDictionary<string, string> metadata) =>
        Enum.TryParse<TrackStatus>(metadata?.GetValueOrDefault(StatusKey), out var status) ? status : null;

    /// <summary>One page (1-based) of the tenant's tracks, newest upload first, optionally by status and assigned tag.</summary>
    public async Task<TrackPage> ListAsync(TenantId tenant, TrackStatus? status, string? tag, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var matches = new List<(TrackId Id, long Uploaded)>();
        await foreach (var (id, metadata) in StatesAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            if (status is { } wanted && metadata.GetValueOrDefault(StatusKey) != wanted.ToString())
            {
                continue;
            }

            if (tag is not null && !(metadata.GetValueOrDefault(TagsKey) ?? "").Split(',').Contains(Uri.EscapeDataString(tag), StringComparer.Ordinal))
            {
                continue;
            }

            matches.Add((id, long.TryParse(metadata.GetValueOrDefault(UploadedKey), CultureInfo.InvariantCulture, out var ticks) ? ticks : 0));
        }

        var pageIds = matches
            .OrderByDescending(m => m.Uploaded).ThenBy(m => m.Id.Value, StringComparer.Ordinal)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => m.Id)
            .ToList();
        var items = new List<TrackState>(pageIds.Count);
        foreach (var id in pageIds)
        {
            // A track deleted between the listing and this read simply drops out of the page.
            if ((await objects.GetJsonAsync<TrackState>(TrackKeys.State(tenant, id), ct: cancellationToken).ConfigureAwait(false))?.Value is { } state)
            {
                items.Add(state);
            }
        }

        return new TrackPage(items, page, pageSize, matches.Count);
    }

    private async IAsyncEnumerable<(TrackId Id, IReadOnlyDictionary<string, string> Metadata)> StatesAsync(
        TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var properties in objects.ListAsync(TrackKeys.StatePrefix(tenant), cancellationToken).ConfigureAwait(false))
        {
            if (TrackKeys.TrackOfStateKey(tenant, properties.Key) is { } id)
            {
                yield return (id, properties.Metadata);
            }
        }
    }
}

/// <summary>A page of tracks and how many match in all.</summary>
public sealed record TrackPage(IReadOnlyList<TrackState> Items, int Page, int PageSize, int Total);
