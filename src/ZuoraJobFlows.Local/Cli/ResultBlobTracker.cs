using Azure.Storage.Blobs;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>
/// Follows a run started by another host (a <c>func start</c> host) by waiting for its summary.json: every run
/// ends with one, and its place follows from the blob name and ETag alone.
/// </summary>
internal sealed class ResultBlobTracker(BlobClient summaryBlob) : IRunTracker
{
    public async Task<RunSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var exists = await summaryBlob.ExistsAsync(cancellationToken).ConfigureAwait(false);
        return exists.Value
            ? new RunSnapshot { RuntimeStatus = "Completed", Phase = "Finished", IsFinished = true }
            : new RunSnapshot { RuntimeStatus = "Running", Phase = "Waiting for the Functions host" };
    }
}
