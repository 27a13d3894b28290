using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Watching;

/// <summary>Starts runs through the same <see cref="ImportApi"/> entry point the Functions blob trigger uses.</summary>
internal sealed class ImportApiRunStarter(
    ImportApi importApi,
    DurableTaskClient client,
    ILogger<ImportApiRunStarter> logger) : IBlobRunStarter
{
    public async Task<bool> StartAsync(string blobName, string eTag, long length, CancellationToken cancellationToken)
    {
        try
        {
            var result = await importApi.StartFromBlobAsync(client, blobName, eTag, length, cancellationToken)
                .ConfigureAwait(false);
            var outcome = Describe(result.StatusCode);
            Log.BlobOffered(logger, blobName, eTag, result.StatusCode, outcome);

            // A 4xx answer will not change by asking again; a 5xx one might.
            return result.StatusCode < 500;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The watcher must outlive a storage or engine hiccup; the blob is offered again at the next scan.
            Log.BlobStartFailed(logger, exception, blobName, eTag);
            return false;
        }
    }

    private static string Describe(int statusCode) => statusCode switch
    {
        202 => "run started",
        200 => "already running or done, or nothing to run",
        _ => "not started",
    };
}
