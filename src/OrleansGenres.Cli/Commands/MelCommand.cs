using System.CommandLine;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Cli.Commands;

/// <summary>`genres mel file --preset … --out x.npy`: the log-mel of a whole file as float32 [n_mels, frames].</summary>
internal static class MelCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "Audio file (any format ffmpeg reads)." };
        var preset = CommonOptions.Preset();
        var sampleRate = CommonOptions.SampleRate();
        var normalize = CommonOptions.Normalize();
        var output = CommonOptions.Out("Where to write the float32 [n_mels, frames] .npy.");
        var command = new Command("mel", "Compute the log-mel spectrogram of a whole file (held in memory; use `windows` for long inputs).")
        {
            file, preset, sampleRate, normalize, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TorchEnvironment.Initialize(parseResult.GetValue(CommonOptions.Threads));
            var options = CommonOptions.MelOptionsFrom(parseResult.GetValue(preset)!, parseResult.GetValue(sampleRate), parseResult.GetValue(normalize));
            using var extractor = LogMelExtractor.Create(options);
            var input = parseResult.GetValue(file)!;
            float[] samples;
            await using (var source = CommonOptions.CreateDecoder(parseResult).OpenFile(input.FullName, options.SampleRate))
            {
                samples = await source.ReadAllAsync(cancellationToken);
            }

            var mel = extractor.Compute(samples);
            var target = parseResult.GetValue(output)!;
            OutputFile.Write(target, stream => NpyFile.WriteFloat32(stream, mel.Data, mel.NMels, mel.Frames));
            console.Error.WriteLine($"{input.Name}: {samples.Length} samples at {options.SampleRate} Hz -> [{mel.NMels}, {mel.Frames}] {target.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }
}
