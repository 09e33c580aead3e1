using System.CommandLine;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Audio.Windowing;
using OrleansGenres.Ml.Features;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Cli.Commands;

/// <summary>
/// `genres windows file --out x.npz`: per-window log-mels [windows, n_mels, frames], streamed through
/// <see cref="LogMelWindowArchive"/> so hour-long inputs use no more memory than short ones.
/// </summary>
internal static class WindowsCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "Audio file (any format ffmpeg reads)." };
        var window = new Option<double>("--window") { Description = "Window length in seconds.", DefaultValueFactory = _ => WindowingOptions.Default.WindowSeconds };
        var hop = new Option<double>("--hop") { Description = "Hop between window starts in seconds.", DefaultValueFactory = _ => WindowingOptions.Default.HopSeconds };
        var last = new Option<LastWindowPolicy>("--last") { Description = "The last partial window: Pad (zeros) or Drop.", DefaultValueFactory = _ => LastWindowPolicy.Pad };
        var batch = new Option<int>("--batch") { Description = "Windows per mel call.", DefaultValueFactory = _ => 16 };
        var preset = CommonOptions.Preset();
        var sampleRate = CommonOptions.SampleRate();
        var normalize = CommonOptions.Normalize();
        var output = CommonOptions.Out("Where to write the .npz (arrays: windows [n, n_mels, frames], starts, ends in seconds).");
        var command = new Command("windows", "Cut a file into windows and compute each window's log-mel.")
        {
            file, window, hop, last, batch, preset, sampleRate, normalize, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TorchEnvironment.Initialize(parseResult.GetValue(CommonOptions.Threads));
            var windowing = new WindowingOptions
            {
                WindowSeconds = parseResult.GetValue(window),
                HopSeconds = parseResult.GetValue(hop),
                LastWindow = parseResult.GetValue(last),
            };
            var errors = windowing.Validate();
            if (errors.Count > 0)
            {
                throw new ArgumentException(string.Join("; ", errors));
            }

            var options = CommonOptions.MelOptionsFrom(parseResult.GetValue(preset)!, parseResult.GetValue(sampleRate), parseResult.GetValue(normalize));
            using var extractor = LogMelExtractor.Create(options);
            using var torchThread = new TorchThread();
            var input = parseResult.GetValue(file)!;
            var target = parseResult.GetValue(output)!;
            await using var source = CommonOptions.CreateDecoder(parseResult).OpenFile(input.FullName, options.SampleRate);
            int windows;
            try
            {
                windows = await OutputFile.WriteAsync(target, stream => LogMelWindowArchive.WriteAsync(
                    source, windowing, extractor, stream, torchThread, parseResult.GetValue(batch), cancellationToken));
            }
            catch (EmptyWindowsException e)
            {
                throw new AudioDecodeException(DecodeErrorKind.Empty, $"{input.Name}: {e.Message}");
            }

            console.Error.WriteLine($"{input.Name}: {windows} windows of [{options.NMels}, {options.FrameCount(windowing.WindowSamples(options.SampleRate))}] -> {target.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }
}
