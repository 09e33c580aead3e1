using OrleansGenres.Grains.Tracks;
using Plotly.Blazor.Traces;

namespace OrleansGenres.Host.Ui;

/// <summary>A track's per-window scores as a Plotly heatmap: labels down, one column per window (its start time) across.</summary>
public static class Timeline
{
    public static HeatMap Heatmap(TrackWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var z = windows.Labels
            .Select((_, label) => (object)windows.Windows.Select(w => (object)(w.Silent ? null! : w.Scores[label])).ToList())
            .ToList();
        return new HeatMap
        {
            X = [.. windows.Windows.Select(w => (object)w.StartSeconds)],
            Y = [.. windows.Labels.Cast<object>()],
            Z = z,
            ZMin = 0,
            ZMax = 1,
            ColorScale = "Viridis",
            HoverTemplate = "%{y} at %{x} s: %{z:.2f}<extra></extra>",
        };
    }
}
