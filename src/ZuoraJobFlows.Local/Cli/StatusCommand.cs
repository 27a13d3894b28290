using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using ZuoraJobFlows.Local.Hosting;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Cli;

/// <summary><c>zjf status ID</c>: prints one run, read from the task hub or from a running <c>serve</c>.</summary>
internal sealed class StatusCommand(IConfiguration configuration, IAnsiConsole console)
{
    public static readonly IReadOnlySet<string> Options =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "api" };

    public async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Positionals.Count != 1)
        {
            throw new UsageException("status takes exactly one run ID");
        }

        var id = arguments.Positionals[0];
        var (statusCode, json) = arguments.Option("api") is { } api
            ? await FromApiAsync(api, id, cancellationToken).ConfigureAwait(false)
            : await FromTaskHubAsync(id, cancellationToken).ConfigureAwait(false);

        if (statusCode == 404)
        {
            console.MarkupLineInterpolated($"[red]No run with ID {id}.[/]");
            return ExitCodes.UsageOrEnvironment;
        }

        using var document = JsonDocument.Parse(json);
        RunTable.Render(console, document.RootElement);
        return ExitCodes.Completed;
    }

    private async Task<(int StatusCode, string Json)> FromTaskHubAsync(string id, CancellationToken cancellationToken)
    {
        await EnvironmentChecks.RequireStorageAsync(
                StorageClients.Input(StorageClients.Create(configuration), configuration), cancellationToken)
            .ConfigureAwait(false);
        await using var runner = await RunnerHost.StartAsync(ZuoraRunner.ClientOnly(configuration), cancellationToken)
            .ConfigureAwait(false);
        var importApi = runner.Services.GetRequiredService<ImportApi>();
        var result = await importApi.GetImportAsync(runner.Client, id, cancellationToken).ConfigureAwait(false);
        var json = result.Body is null
            ? "{}"
            : JsonSerializer.Serialize(result.Body, result.Body.GetType(), ImportApi.JsonOptions);
        return (result.StatusCode, json);
    }

    private static async Task<(int StatusCode, string Json)> FromApiAsync(
        string api,
        string id,
        CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.GetAsync(
                new Uri(new Uri(api.EndsWith('/') ? api : api + "/"), $"api/imports/{Uri.EscapeDataString(id)}"),
                cancellationToken).ConfigureAwait(false);
            var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, string.IsNullOrWhiteSpace(json) ? "{}" : json);
        }
        catch (HttpRequestException exception)
        {
            throw new EnvironmentException($"The runner API at {api} is unreachable; is `zjf serve` running?",
                exception);
        }
    }
}
