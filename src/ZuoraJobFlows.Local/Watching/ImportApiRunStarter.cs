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
        var name = LogText.Printable(blobName);
        try
        {
            var result = await importApi.StartFromBlobAsync(client, blobName, eTag, length, cancellationToken)
                .ConfigureAwait(false);
            if (result.StatusCode is >= 400 and < 500)
            {
                // Said once per blob version: the watcher does not offer a version again after a 4xx answer.
                var reason = ReasonOf(result);
                WatchingLog.BlobRefused(logger, name, eTag, reason, result.StatusCode);
            }
            else
            {
                var outcome = Describe(result.StatusCode);
                Log.BlobOffered(logger, name, eTag, result.StatusCode, outcome);
            }

            // A 4xx answer will not change by asking again; a 5xx one might.
            return result.StatusCode < 500;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The watcher must outlive a storage or engine hiccup; the blob is offered again at the next scan.
            Log.BlobStartFailed(logger, exception, name, eTag);
            return false;
        }
    }

    // The API's problem text names the blob and the rule it breaks; it never quotes the file's contents.
    private static string ReasonOf(ApiResult result) =>
        result.Body is ProblemBody problem
            ? LogText.Printable(problem.Detail)
            : $"the workflow answered {result.StatusCode}";

    private static string Describe(int statusCode) => statusCode switch
    {
        202 => "run started",
        200 => "already running or done, or nothing to run",
        _ => "not started",
    };
}
