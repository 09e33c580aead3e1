using System.Diagnostics;
using OrleansGenres.Ml.Training;

namespace OrleansGenres.Cli;

/// <summary>
/// Live training progress on a terminal: one line rewritten in place at most a few times a second (epoch, windows,
/// loss, metric, windows/s, ETA). When the stream is not a terminal only finished epochs are written (the logger does that).
/// </summary>
internal sealed class TrainingProgressView(TextWriter writer, bool interactive, string metricName) : IProgress<TrainingProgress>
{
    private readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();

    public void Report(TrainingProgress value)
    {
        if (!interactive)
        {
            return;
        }

        if (value.Completed is not null)
        {
            writer.Write("\r\u001b[2K");
            return;
        }

        if (_sinceLastLine.ElapsedMilliseconds < 250)
        {
            return;
        }

        _sinceLastLine.Restart();
        var eta = value.Remaining.TotalHours >= 1 ? value.Remaining.ToString(@"h\:mm\:ss") : value.Remaining.ToString(@"m\:ss");
        writer.Write(
            $"\r\u001b[2Kepoch {value.Epoch}/{value.Epochs}  {value.WindowsDone}/{value.WindowsPerEpoch} windows  loss {value.Loss:F4}  {metricName} {value.Metric:F3}  {value.WindowsPerSecond:F0} windows/s  ETA {eta}");
    }
}
