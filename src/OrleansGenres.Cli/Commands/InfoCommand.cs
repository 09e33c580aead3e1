using System.CommandLine;
using OrleansGenres.Torch;

namespace OrleansGenres.Cli.Commands;

/// <summary>`genres info`: the torch runtime as this process sees it (version, threads, OpenMP wait policy, oneDNN ISA cap, CUDA), i.e. whether the engine works here.</summary>
internal static class InfoCommand
{
    public static Command Create(CliConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("info", "Show the torch runtime: version, threads, OpenMP wait policy, oneDNN ISA cap, CUDA.") { json };
        command.SetAction(parseResult =>
        {
            var info = TorchEnvironment.Initialize(parseResult.GetValue(CommonOptions.Threads));
            if (parseResult.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(info));
            }
            else
            {
                console.Out.WriteLine($"torch {info.Version} (TorchSharp), {info.Threads} threads, OMP_WAIT_POLICY={info.WaitPolicy}, " +
                    $"oneDNN ISA cap {(info.OneDnnIsa.Length > 0 ? info.OneDnnIsa : "none")}, CUDA {(info.CudaAvailable ? "yes" : "no")}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
