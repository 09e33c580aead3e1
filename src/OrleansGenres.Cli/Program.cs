using OrleansGenres.Cli;

return await GenresCli.RunAsync(args, new CliConsole(Console.Out, Console.Error));
