using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Workflow.Telemetry;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>Deletes a run's staged chunks once its jobs have ended.</summary>
public sealed class CleanupStagingActivity(BlobServiceClient blobs, ILogger<CleanupStagingActivity> logger)
{
    private readonly BlobServiceClient _blobs = blobs;
    private readonly ILogger<CleanupStagingActivity> _logger = logger;

    public async Task<int> RunAsync(CleanupStagingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        try
        {
            var container = _blobs.GetBlobContainerClient(input.OutputContainer);
            if (!await container.ExistsAsync(cancellationToken))
            {
                return 0;
            }

            var deleted = 0;
            var prefix = ResultPaths.StagingPrefix(input.RunId);
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix,
                cancellationToken))
            {
                await container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken);
                deleted++;
            }

            ActivityLog.StagingCleaned(_logger, input.RunId, deleted);
            return deleted;
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            ActivityLog.TransientFailure(_logger, ex, input.RunId, WorkflowNames.CleanupStaging);
            WorkflowTelemetry.RecordRetry(WorkflowNames.CleanupStaging, "transient");
            throw TransientFailures.Wrap(ex);
        }
    }
}
