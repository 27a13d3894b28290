using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Starts the run of an uploaded file in this process, through the entry point of POST /api/imports.</summary>
internal static class RunStarter
{
    public static async Task<StartedRun> StartAsync(
        ImportApi importApi,
        DurableTaskClient client,
        ImportRequest request,
        UploadedBlob uploaded,
        CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(StartedRun.RequestBody(request, uploaded.Blob.Name));
        var result = await importApi.StartImportAsync(client, body, cancellationToken).ConfigureAwait(false);
        return StartedRun.From(result);
    }
}
