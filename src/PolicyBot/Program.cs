return await PolicyBot.Cli.CommandLine.RunAsync(args);
