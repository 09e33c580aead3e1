using System.CommandLine;
using OrleansGenres.Ml.Experiments;

namespace OrleansGenres.Cli.Commands;

/// <summary>`genres configs [name]`: the ready-made experiment configs, or one of them in full (JSON, ready to copy and edit).</summary>
internal static class ConfigsCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string?>("name") { Description = "Print this config's JSON.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("configs", "List the built-in experiment configs, or print one.") { name };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(name) is { } chosen)
            {
                console.Out.WriteLine(ExperimentConfigCatalog.Resolve(chosen).ToJson());
                return ExitCodes.Success;
            }

            var configs = ExperimentConfigCatalog.BuiltIn();
            var width = configs.Max(c => c.Name.Length);
            foreach (var config in configs)
            {
                var sweep = config.IsSweep ? $" [sweep: {string.Join(", ", config.ExpandVariants().Select(v => v.Name))}]" : string.Empty;
                console.Out.WriteLine($"{config.Name.PadRight(width)}  {config.Dataset ?? "-",-13} {config.Description}{sweep}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
