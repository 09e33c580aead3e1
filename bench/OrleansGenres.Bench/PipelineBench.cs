using System.Diagnostics;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Audio.Windowing;
using OrleansGenres.Ml.Features;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Bench;

/// <summary>
/// An hour of MP3 streamed through decode → 4 s / 2 s windows → batched log-mel, features discarded as they come
/// (the analysis worker's path). Reports x-realtime and the peak RSS of this process, with the default decoder
/// (in-process; <c>GENRES_DECODER=ffmpeg</c> measures the ffmpeg child process and its peak beside).
/// </summary>
internal static class PipelineBench
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchInputs inputs, bool quick)
    {
        TorchEnvironment.Initialize();
        var seconds = quick ? 600 : 3600;
        var path = inputs.Get("stereo44k.mp3", seconds, "mp3", "-c:a", "libmp3lame", "-b:a", "192k");
        using var extractor = LogMelExtractor.Create(MelOptions.Librosa);
        using var torchThread = new TorchThread();
        var ffmpegPeak = 0.0;
        var windows = 0;
        var stopwatch = Stopwatch.StartNew();
        var kind = AudioDecoders.DefaultKind;
        await using (var source = AudioDecoders.Create(kind).OpenFile(path, MelOptions.Librosa.SampleRate))
        {
            var ffmpegPid = source is FfmpegPcmSource ffmpeg ? ffmpeg.ProcessId : 0;
            await foreach (var batch in WindowedLogMel.BatchesAsync(source, WindowingOptions.Default, extractor, torchThread: torchThread))
            {
                windows += batch.Count;
                if (ffmpegPid != 0)
                {
                    ffmpegPeak = Math.Max(ffmpegPeak, Measure.PeakRssMegabytes(ffmpegPid));
                }
            }
        }

        var wall = stopwatch.Elapsed.TotalSeconds;
        return
        [
            new BenchResult(
                $"decode mp3 + window 4/2 + log-mel librosa ({seconds / 60} min), {(kind == DecoderKind.InProcess ? "in-process" : "ffmpeg")}",
                seconds / wall,
                Measure.PeakRssMegabytes(),
                kind == DecoderKind.FfmpegProcess
                    ? $"{windows} windows in {wall:0.0} s; ffmpeg child peak {ffmpegPeak:0} MB"
                    : $"{windows} windows in {wall:0.0} s; in-process decoder"),
        ];
    }
}
