using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Functions.Logging;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Functions.Triggers;

/// <summary>
/// Starts an import when a CSV lands in the input container. Bound to a <see cref="BlobClient"/> so the trigger
/// reads only the blob's properties; the workflow streams the content later, chunk by chunk.
/// </summary>
public sealed class ImportBlobTrigger(ImportApi importApi, ILogger<ImportBlobTrigger> logger)
{
    // Flex Consumption delivers blob triggers through Event Grid only. A blob outside the folder layout (at the
    // container's root, say) does not match and starts nothing; an unknown operation folder does match and the
    // run ends Rejected with a summary that says why.
    private const string BlobPath = "%Imports:InputContainer%/{operation}/{object}/{name}";

    private readonly ImportApi _importApi = importApi;
    private readonly ILogger<ImportBlobTrigger> _logger = logger;

    [Function(FunctionNames.ImportOnBlobCreated)]
    public async Task RunAsync(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")]
        BlobClient blob,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);

        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var eTag = properties.ETag.ToString();
        if (properties.ContentLength == 0)
        {
            FunctionsLog.EmptyBlobSkipped(_logger, blob.Name, eTag);
            return;
        }

        var result = await _importApi.StartFromBlobAsync(
            client, blob.Name, eTag, properties.ContentLength, cancellationToken);
        if (result.StatusCode is >= 400 and < 500)
        {
            // No run and so no summary.json: the log is where the reason is found (it names the blob and the rule
            // it breaks, never the file's contents).
            var reason = result.Body is ProblemBody problem ? problem.Detail : $"answered {result.StatusCode}";
            FunctionsLog.BlobRefused(_logger, blob.Name, eTag, result.StatusCode, reason);
            return;
        }

        FunctionsLog.BlobImportAnswered(_logger, blob.Name, eTag, properties.ContentLength, result.StatusCode,
            result.Location);
    }
}
