using System.CommandLine;
using System.Globalization;
using OrleansGenres.Audio.Decoding;

namespace OrleansGenres.Cli.Commands;

/// <summary>`genres probe file [--json]`: duration, sample rate, channels and codec of an input.</summary>
internal static class ProbeCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "Audio or video file." };
        var json = CommonOptions.Json();
        var command = new Command("probe", "Show an input's duration, sample rate, channels and codec.") { file, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var info = await new FfprobeAudioProbe().ProbeAsync(parseResult.GetValue(file)!.FullName, cancellationToken);
            if (parseResult.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(new
                {
                    durationSeconds = info.DurationSeconds,
                    sampleRate = info.SampleRate,
                    channels = info.Channels,
                    codec = info.Codec,
                    container = info.Container,
                }));
            }
            else
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{info.DurationSeconds:0.###} s, {info.SampleRate} Hz, {info.Channels} channel(s), {info.Codec} in {info.Container}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
