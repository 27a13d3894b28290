using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Activities;

internal static partial class ActivityLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Run {RunId}: chunk {Chunk} submitted as Zuora job {ZuoraJobId} (request {ZuoraRequestId})")]
    public static partial void JobSubmitted(ILogger logger, string runId, int chunk, string zuoraJobId,
        string? zuoraRequestId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Run {RunId}: chunk {Chunk} waits for a Zuora job slot (request {ZuoraRequestId})")]
    public static partial void JobSlotUnavailable(ILogger logger, string runId, int chunk, string? zuoraRequestId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Run {RunId}: Zuora refused {Activity} with code {ZuoraCode} (request {ZuoraRequestId})")]
    public static partial void ZuoraRefused(ILogger logger, Exception exception, string runId, string activity,
        string? zuoraCode, string? zuoraRequestId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "Run {RunId}: {Activity} failed transiently and will be retried")]
    public static partial void TransientFailure(ILogger logger, Exception exception, string runId, string activity);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information,
        Message = "Run {RunId}: uploaded {BlobName} to Zuora job {ZuoraJobId} (request {ZuoraRequestId})")]
    public static partial void ChunkUploaded(ILogger logger, string runId, string blobName, string zuoraJobId,
        string? zuoraRequestId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information,
        Message = "Run {RunId}: Zuora job {ZuoraJobId} is {ZuoraJobStatus}; its file is not uploaded again")]
    public static partial void UploadSkipped(ILogger logger, string runId, string zuoraJobId,
        BulkJobStatus zuoraJobStatus);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug,
        Message = "Run {RunId}: Zuora job {ZuoraJobId} is {ZuoraJobStatus}, {RecordsProcessed} records processed")]
    public static partial void JobPolled(ILogger logger, string runId, string zuoraJobId, BulkJobStatus zuoraJobStatus,
        long recordsProcessed);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information,
        Message = "Run {RunId}: Zuora job {ZuoraJobId} cancel requested, job is now {ZuoraJobStatus}")]
    public static partial void JobCancelled(ILogger logger, string runId, string zuoraJobId,
        BulkJobStatus zuoraJobStatus);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information,
        Message = "Run {RunId}: input {BlobName} rejected: {Reason}")]
    public static partial void ImportRejected(ILogger logger, string runId, string blobName, string reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information,
        Message = "Run {RunId}: {BlobName} prepared as {Chunks} chunk(s), {Records} records, {Bytes} bytes")]
    public static partial void ImportPrepared(ILogger logger, string runId, string blobName, int chunks,
        long records, long bytes);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information,
        Message = "Run {RunId}: reports written with {FailedRecords} failed records")]
    public static partial void ReportsWritten(ILogger logger, string runId, long failedRecords);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information,
        Message = "Run {RunId}: summary written to {BlobName} with status {Status}")]
    public static partial void SummaryWritten(ILogger logger, string runId, string blobName, RunStatus status);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Debug,
        Message = "Run {RunId}: deleted {Count} staged blobs")]
    public static partial void StagingCleaned(ILogger logger, string runId, int count);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning,
        Message = "Run {RunId}: {BlobName} was replaced or deleted during the run (storage answered {Status}); "
            + "the reports are written from the staged chunks")]
    public static partial void ReportsFromStagedCopy(ILogger logger, string runId, string blobName, int status);
}
