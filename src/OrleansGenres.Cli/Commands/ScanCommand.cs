using System.Collections.Concurrent;
using System.CommandLine;
using System.Numerics.Tensors;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;

namespace OrleansGenres.Cli.Commands;

/// <summary>
/// `genres scan folder`: decodes every audio file under a folder and reports which ones fail and why, so a
/// catalogue can be checked before training or upload.
/// </summary>
internal static class ScanCommand
{
    private static readonly HashSet<string> AudioExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".mp3", ".ogg", ".oga", ".opus", ".flac", ".m4a", ".aac", ".mp4", ".wma", ".aiff", ".aif", ".au", ".webm", ".mka",
    };

    /// <summary>Below -80 dBFS everywhere: decodes, but holds nothing to tag.</summary>
    private const float SilencePeak = 1e-4f;

    public static Command Create(CliConsole console)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder to scan recursively for audio files." };
        var sampleRate = new Option<int>("--sample-rate") { Description = "Decode at this rate.", DefaultValueFactory = _ => 16000 };
        var parallel = new Option<int>("--parallel") { Description = "Files decoded at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = CommonOptions.Json();
        var command = new Command("scan", "Decode every audio file under a folder; list the ones that fail and the ones that are silent.") { folder, sampleRate, parallel, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var root = parseResult.GetValue(folder)!;
            if (!root.Exists)
            {
                throw new ArgumentException($"{root.FullName}: folder not found");
            }

            var files = root.EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => AudioExtensions.Contains(f.Extension))
                .OrderBy(f => f.FullName, StringComparer.Ordinal)
                .ToList();
            var decoder = CommonOptions.CreateDecoder(parseResult);
            var rate = parseResult.GetValue(sampleRate);
            var failures = new ConcurrentBag<ScanFailure>();
            var silent = new ConcurrentBag<string>();
            long totalSamples = 0;
            await Parallel.ForEachAsync(
                files,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parseResult.GetValue(parallel)), CancellationToken = cancellationToken },
                async (file, ct) =>
                {
                    try
                    {
                        await using var source = decoder.OpenFile(file.FullName, rate);
                        var (samples, peak) = await MeasureAsync(source, ct);
                        Interlocked.Add(ref totalSamples, samples);
                        if (peak < SilencePeak)
                        {
                            silent.Add(Path.GetRelativePath(root.FullName, file.FullName));
                        }
                    }
                    catch (AudioDecodeException e)
                    {
                        failures.Add(new ScanFailure(Path.GetRelativePath(root.FullName, file.FullName), e.Kind.ToString(), e.Message));
                    }
                });

            var report = new ScanReport(
                files.Count,
                files.Count - failures.Count,
                [.. failures.OrderBy(f => f.Path, StringComparer.Ordinal)],
                [.. silent.Order(StringComparer.Ordinal)],
                files.GroupBy(f => f.Extension.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count()),
                Math.Round(totalSamples / (double)rate, 1));
            if (parseResult.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(report));
            }
            else
            {
                console.Out.WriteLine($"{report.Files} files ({string.Join(", ", report.Extensions.Select(e => $"{e.Value} {e.Key}"))}), " +
                    $"{report.Decoded} decoded ({report.DecodedSeconds} s of audio), {report.Failures.Count} failed, {report.Silent.Count} silent");
                foreach (var failure in report.Failures)
                {
                    console.Out.WriteLine($"  FAILED [{failure.Kind}] {failure.Message}");
                }

                foreach (var path in report.Silent)
                {
                    console.Out.WriteLine($"  SILENT {path}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<(long Samples, float Peak)> MeasureAsync(IPcmSource source, CancellationToken cancellationToken)
    {
        var buffer = new float[64 * 1024];
        long total = 0;
        var peak = 0f;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            // MaxMagnitude returns the sample with the largest magnitude, sign included.
            peak = Math.Max(peak, Math.Abs(TensorPrimitives.MaxMagnitude(buffer.AsSpan(0, read))));
        }

        return (total, peak);
    }

    private sealed record ScanFailure(string Path, string Kind, string Message);

    private sealed record ScanReport(
        int Files, int Decoded, IReadOnlyList<ScanFailure> Failures, IReadOnlyList<string> Silent, IReadOnlyDictionary<string, int> Extensions, double DecodedSeconds);
}
