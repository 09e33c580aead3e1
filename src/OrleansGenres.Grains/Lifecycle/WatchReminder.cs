using Orleans.Runtime;

namespace OrleansGenres.Grains.Lifecycle;

/// <summary>The reminder a grain keeps while its work is unfinished: registered once, removed when the work settles.</summary>
public static class WatchReminder
{
    public static Task WatchAsync(this Grain grain, string name, TimeSpan period) =>
        grain.RegisterOrUpdateReminder(name, period, period);

    public static async Task UnwatchAsync(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
