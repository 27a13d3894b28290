using System.Runtime.InteropServices;
using Spectre.Console;
using ZuoraJobFlows.Local.Hosting;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Dispatches <c>zjf COMMAND ...</c> and turns failures into clear messages and exit codes.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage:
          zjf serve [--urls http://127.0.0.1:7071]
          zjf import FILE --object OBJ [--operation create|update] [--out DIR] [--delimiter X]
                          [--api URL | --functions-host URL]
          zjf status ID [--api URL]

        Exit codes of import: 0 completed, 2 completed with row errors, 3 rejected, failed or cancelled,
        1 usage or environment error, 130 interrupted (the run goes on; see zjf status ID).
        Settings come from environment variables: AzureWebJobsStorage, Zuora__BaseUrl, Zuora__ClientId,
        Zuora__ClientSecret, Imports__InputContainer, Imports__OutputContainer, Polling__*, DurableTask__HubName.
        """;

    public const int Interrupted = 130;

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        // Piped output (scripts, CI logs) gets no terminal width; 80 columns would wrap the job ids and paths.
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        return await RunAsync(args, LocalConfiguration.Build(), console, cancellation.Token).ConfigureAwait(false);
    }

    public static async Task<int> RunAsync(
        string[] args,
        Microsoft.Extensions.Configuration.IConfiguration configuration,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        try
        {
            var rest = args.Skip(1);
            switch (args.FirstOrDefault())
            {
                case "serve":
                    return await new ServeCommand(configuration, console)
                        .RunAsync(CliArguments.Parse(rest, ServeCommand.Options), cancellationToken)
                        .ConfigureAwait(false);
                case "import":
                    var request = ImportRequest.From(CliArguments.Parse(rest, ImportRequest.Options));
                    return await new ImportCommand(configuration, console).RunAsync(request, cancellationToken)
                        .ConfigureAwait(false);
                case "status":
                    return await new StatusCommand(configuration, console)
                        .RunAsync(CliArguments.Parse(rest, StatusCommand.Options), cancellationToken)
                        .ConfigureAwait(false);
                case "help" or "--help" or "-h":
                    console.WriteLine(Usage);
                    return ExitCodes.Completed;
                default:
                    throw new UsageException(args.Length == 0 ? "no command given" : $"unknown command {args[0]}");
            }
        }
        catch (UsageException exception)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
            console.WriteLine(Usage);
            return ExitCodes.UsageOrEnvironment;
        }
        catch (EnvironmentException exception)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
            return ExitCodes.UsageOrEnvironment;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/] A started run goes on in the task hub and resumes when " +
                "zjf serve or zjf import runs again; check it with zjf status ID.");
            return Interrupted;
        }
    }
}
