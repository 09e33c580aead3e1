using System.CommandLine;
using System.Runtime.InteropServices;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Cli.Commands;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Native;

namespace OrleansGenres.Cli;

/// <summary>The `genres` command line: verbs, shared options and one place that turns failures into exit codes.</summary>
public static class GenresCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("OrleansGenres: decode, analyse and tag audio.");
        root.Options.Add(CommonOptions.Verbose);
        root.Options.Add(CommonOptions.Threads);
        root.Options.Add(CommonOptions.Decoder);
        root.Subcommands.Add(InfoCommand.Create(console));
        root.Subcommands.Add(ProbeCommand.Create(console));
        root.Subcommands.Add(MelCommand.Create(console));
        root.Subcommands.Add(WindowsCommand.Create(console));
        root.Subcommands.Add(ScanCommand.Create(console));
        root.Subcommands.Add(TrainCommand.Create(console));
        root.Subcommands.Add(EvalCommand.Create(console));
        root.Subcommands.Add(TagCommand.Create(console));
        root.Subcommands.Add(CompareCommand.Create(console));
        root.Subcommands.Add(ConfigsCommand.Create(console));
        root.Subcommands.Add(DatasetsCommand.Create(console));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                console.Error.WriteLine($"genres: error: {error.Message}");
            }

            console.Error.WriteLine("Run `genres --help` for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = console.Out,
            Error = console.Error,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return Report(console, e, parseResult.GetValue(CommonOptions.Verbose));
        }
    }

    // One clear line per failure; the stack trace only when asked for.
    private static int Report(CliConsole console, Exception exception, bool verbose)
    {
        var (code, message) = exception switch
        {
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            AudioDecodeException e => (ExitCodes.Failed, $"cannot decode {e.Message} [{e.Kind}]"),
            DatasetException e => (ExitCodes.Failed, e.Message),
            ModelLoadException e => (ExitCodes.Failed, e.Message),
            InvalidOperationException e => (ExitCodes.Failed, e.Message),
            ArgumentException e => (ExitCodes.Usage, e.Message),
            NativeException e => (ExitCodes.Failed, $"native library: {e.Message}"),
            // libtorch's errors carry a C++ backtrace after the first line: --verbose shows it.
            ExternalException e => (ExitCodes.Failed, $"torch: {e.Message.Split('\n', 2)[0]}"),
            IOException or UnauthorizedAccessException => (ExitCodes.Failed, exception.Message),
            InvalidDataException => (ExitCodes.Failed, exception.Message),
            _ => (ExitCodes.Failed, $"unexpected error: {exception.Message}"),
        };
        console.Error.WriteLine($"genres: error: {message}");
        if (verbose)
        {
            console.Error.WriteLine(exception);
        }

        return code;
    }
}
