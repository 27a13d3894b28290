using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using ZuoraJobFlows.Local.Hosting;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>
/// <c>zjf import FILE --object OBJ</c>: uploads the file, runs it (in this process by default, or through a
/// running <c>serve</c> or <c>func start</c> host), shows its progress, and saves its results locally.
/// </summary>
internal sealed class ImportCommand(IConfiguration configuration, IAnsiConsole console)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<int> RunAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var storage = StorageClients.Create(configuration);
        var input = StorageClients.Input(storage, configuration);
        var output = StorageClients.Output(storage, configuration);
        await EnvironmentChecks.RequireStorageAsync(input, cancellationToken).ConfigureAwait(false);
        if (request.FunctionsHost is null && request.ApiUrl is null)
        {
            await EnvironmentChecks.RequireZuoraAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        var blobName = InputUploader.BlobNameFor(request.Operation, request.ObjectName, request.FilePath);
        var uploaded = await InputUploader.UploadAsync(input, blobName, request.FilePath, request.Delimiter,
            cancellationToken).ConfigureAwait(false);
        var fileName = Path.GetFileName(request.FilePath);
        console.MarkupLineInterpolated(
            $"Uploaded [bold]{fileName}[/] ({uploaded.Length:N0} bytes) to {input.Name}/{blobName}");

        var runId = request switch
        {
            { FunctionsHost: not null } => await FollowFunctionsHostAsync(request, uploaded, input, output,
                cancellationToken).ConfigureAwait(false),
            { ApiUrl: not null } => await FollowServeAsync(request, uploaded, cancellationToken).ConfigureAwait(false),
            _ => await RunInProcessAsync(request, uploaded, cancellationToken).ConfigureAwait(false),
        };

        return await SaveResultsAsync(request, output, blobName, runId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> RunInProcessAsync(
        ImportRequest request,
        UploadedBlob uploaded,
        CancellationToken cancellationToken)
    {
        await using var runner = await RunnerHost.StartAsync(
                ZuoraRunner.Worker(configuration, LogLevel.Warning), cancellationToken)
            .ConfigureAwait(false);
        var importApi = runner.Services.GetRequiredService<ImportApi>();

        var started = await RunStarter.StartAsync(importApi, runner.Client, request, uploaded, cancellationToken)
            .ConfigureAwait(false);
        var runId = RequireStarted(started);

        console.MarkupLineInterpolated($"Run [bold]{runId}[/] {started.Outcome}");
        var tracker = new InProcessRunTracker(importApi, runner.Client, runId);
        var last = await RunProgressView.FollowAsync(console, tracker, PollInterval, cancellationToken)
            .ConfigureAwait(false);
        ReportEngineFailure(last);
        return runId;
    }

    private async Task<string> FollowServeAsync(
        ImportRequest request,
        UploadedBlob uploaded,
        CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = request.ApiUrl, Timeout = TimeSpan.FromSeconds(30) };
        var api = new RunnerApiClient(http);
        var started = await api.StartAsync(request, uploaded, cancellationToken).ConfigureAwait(false);
        var runId = RequireStarted(started);

        console.MarkupLineInterpolated($"Run [bold]{runId}[/] {started.Outcome} by {request.ApiUrl}");
        var last = await RunProgressView.FollowAsync(console, api.Tracker(runId), PollInterval,
            cancellationToken).ConfigureAwait(false);
        ReportEngineFailure(last);
        return runId;
    }

    private async Task<string> FollowFunctionsHostAsync(
        ImportRequest request,
        UploadedBlob uploaded,
        BlobContainerClient input,
        BlobContainerClient output,
        CancellationToken cancellationToken)
    {
        await EventGridNotifier.NotifyAsync(request.FunctionsHost!, uploaded, input.Name, cancellationToken)
            .ConfigureAwait(false);
        var runId = ImportInstanceId.For(input.Name, uploaded.Blob.Name, uploaded.ETag);
        console.MarkupLineInterpolated(
            $"Delivered the blob-created event to {request.FunctionsHost}; run [bold]{runId}[/] reports there.");

        var folder = ResultPaths.ResultFolder(request.Operation, request.ObjectName, uploaded.Blob.Name, runId);
        var summary = output.GetBlobClient($"{folder}/{ResultPaths.SummaryFileName}");
        await RunProgressView.FollowAsync(console, new ResultBlobTracker(summary), TimeSpan.FromSeconds(1),
            cancellationToken).ConfigureAwait(false);
        return runId;
    }

    private async Task<int> SaveResultsAsync(
        ImportRequest request,
        BlobContainerClient output,
        string blobName,
        string runId,
        CancellationToken cancellationToken)
    {
        var folder = ResultPaths.ResultFolder(request.Operation, request.ObjectName, blobName, runId);
        var saved = await ResultDownloader.DownloadAsync(output, folder, request.OutputDirectory, cancellationToken)
            .ConfigureAwait(false);
        var summaryPath = saved.FirstOrDefault(path => Path.GetFileName(path) == ResultPaths.SummaryFileName);
        if (summaryPath is null)
        {
            console.MarkupLineInterpolated($"[red]No summary.json was found at {output.Name}/{folder}.[/]");
            return ExitCodes.NotCompleted;
        }

        var status = SummaryView.Render(console, summaryPath);
        console.MarkupLineInterpolated($"Results in {output.Name}/{folder}/ and saved to:");
        foreach (var path in saved)
        {
            console.MarkupLineInterpolated($"  {path}");
        }

        return ExitCodes.ForRunStatus(status);
    }

    // A run that could not start is a usage or environment error (exit 1), not a run that failed (exit 3).
    private static string RequireStarted(StartedRun started) =>
        started.RunId ?? throw new EnvironmentException($"The run was not started: {started.Problem}");

    private void ReportEngineFailure(RunSnapshot last)
    {
        if (last.FailureDetails is not null)
        {
            console.MarkupLineInterpolated($"[red]The run failed in the engine:[/] {last.FailureDetails}");
        }
    }
}
