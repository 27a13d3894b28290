using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using ZuoraJobFlows.Local.Hosting;

namespace ZuoraJobFlows.Local.Cli;

/// <summary><c>zjf serve</c>: worker, blob watcher and HTTP API until Ctrl+C.</summary>
internal sealed class ServeCommand(IConfiguration configuration, IAnsiConsole console)
{
    public static readonly IReadOnlySet<string> Options =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "urls" };

    public async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var url = ApiUrl(arguments.Option("urls") ?? configuration["Api:Url"] ?? "http://127.0.0.1:7071");
        await EnvironmentChecks.RequireStorageAsync(
                StorageClients.Input(StorageClients.Create(configuration), configuration), cancellationToken)
            .ConfigureAwait(false);

        await using var runner = await RunnerHost.StartAsync(ZuoraRunner.Serve(configuration, url), cancellationToken)
            .ConfigureAwait(false);
        var logger = runner.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ZuoraJobFlows.Local");
        var apiUrl = new Uri(runner.HttpAddress ?? url, "api");
        var taskHub = DurableStorageOptions.From(configuration).TaskHubName;
        Log.RunnerReady(logger, apiUrl, taskHub);
        console.MarkupLine("[grey]Press Ctrl+C to stop.[/]");

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Stopping...");
        }

        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await runner.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private static Uri ApiUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "http"
            ? uri
            : throw new UsageException("--urls must be an http URL on a loopback address, e.g. http://127.0.0.1:7071");
}
