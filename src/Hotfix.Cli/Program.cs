using Hotfix.Cli;

return CliApp.Run(args, CliEnvironment.FromProcess());
