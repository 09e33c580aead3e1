using System.CommandLine;
using OrleansGenres.Native;

namespace OrleansGenres.Cli.Commands;

/// <summary>`genres info`: libtorch version, threads and CUDA, i.e. whether the native bridge works here.</summary>
internal static class InfoCommand
{
    public static Command Create(CliConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("info", "Show the native runtime: libtorch version, threads, CUDA.") { json };
        command.SetAction(parseResult =>
        {
            var info = TorchRuntime.Initialize(parseResult.GetValue(CommonOptions.Threads));
            if (parseResult.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(info));
            }
            else
            {
                console.Out.WriteLine($"libtorch {info.TorchVersion}, {info.IntraOpThreads} threads, " +
                    $"CUDA {(info.CudaAvailable ? $"yes ({info.CudaDeviceCount} devices)" : "no")}, oneDNN {(info.MkldnnAvailable ? "yes" : "no")}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
