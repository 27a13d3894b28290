using ZuoraJobFlows.Local.Cli;

return await CommandLine.RunAsync(args).ConfigureAwait(false);
