using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Telemetry;
using ZuoraJobFlows.Zuora;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>
/// Streams a chunk blob into its Zuora job. The job is read first: a job that is no longer <c>pending</c> already has
/// its file (an earlier attempt got through but its answer was lost), so nothing is sent twice.
/// </summary>
public sealed class UploadChunkActivity(
    IZuoraClient zuora,
    BlobServiceClient blobs,
    ILogger<UploadChunkActivity> logger)
{
    private readonly IZuoraClient _zuora = zuora;
    private readonly BlobServiceClient _blobs = blobs;
    private readonly ILogger<UploadChunkActivity> _logger = logger;

    public async Task<UploadChunkResult> RunAsync(UploadChunkInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        var options = new ZuoraRequestOptions
        {
            IdempotencyKey = JobKeys.UploadKey(input.RunId, input.Chunk),
            TrackId = JobKeys.TrackId(input.RunId),
        };

        try
        {
            var before = await CheckJobAsync(input, options, cancellationToken);
            if (before is not null)
            {
                return before;
            }

            var blob = _blobs.GetBlobContainerClient(input.Container).GetBlobClient(input.ChunkBlob);
            await using var content = await BlobStreams.OpenSeekableReadAsync(blob, cancellationToken);
            var fileName = Path.GetFileName(input.ChunkBlob);
            var job = await _zuora.UploadFileAsync(input.JobId, content, fileName, options, cancellationToken);

            ActivityLog.ChunkUploaded(_logger, input.RunId, input.ChunkBlob, input.JobId, job.RequestId);
            return new UploadChunkResult { Outcome = UploadOutcome.Uploaded, JobStatus = job.Status };
        }
        catch (ZuoraApiException ex) when (ex.Kind is ZuoraFailureKind.Permanent)
        {
            // A refusal because the job is no longer pending means a lost answer to an earlier attempt.
            var after = await CheckJobAsync(input, options, cancellationToken);
            if (after is not null)
            {
                return after;
            }

            ActivityLog.ZuoraRefused(_logger, ex, input.RunId, WorkflowNames.UploadChunk, ex.Code, ex.RequestId);
            return new UploadChunkResult
            {
                Outcome = UploadOutcome.Refused,
                ErrorCode = ex.Code,
                ErrorMessage = ZuoraMessages.Describe(ex),
            };
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            ActivityLog.TransientFailure(_logger, ex, input.RunId, WorkflowNames.UploadChunk);
            WorkflowTelemetry.RecordRetry(WorkflowNames.UploadChunk, "transient");
            throw TransientFailures.Wrap(ex);
        }
    }

    private async Task<UploadChunkResult?> CheckJobAsync(
        UploadChunkInput input,
        ZuoraRequestOptions options,
        CancellationToken cancellationToken)
    {
        var job = await _zuora.GetJobAsync(input.JobId, options, cancellationToken);
        if (job.Status == BulkJobStatus.Pending)
        {
            return null;
        }

        if (job.Status == BulkJobStatus.Accepted)
        {
            return new UploadChunkResult { Outcome = UploadOutcome.NotReady, JobStatus = job.Status };
        }

        ActivityLog.UploadSkipped(_logger, input.RunId, input.JobId, job.Status);
        return new UploadChunkResult { Outcome = UploadOutcome.AlreadyUploaded, JobStatus = job.Status };
    }
}
