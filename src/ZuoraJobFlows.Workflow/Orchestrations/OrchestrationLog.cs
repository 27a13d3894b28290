using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>Log messages of the orchestrators; always written through a replay-safe logger.</summary>
internal static partial class OrchestrationLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Run {RunId}: import of {BlobName} started ({Operation} {Object})")]
    public static partial void ImportStarted(ILogger logger, string runId, string blobName, string operation,
        string @object);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Run {RunId}: finished {Status}: {Reason}")]
    public static partial void RunFinished(ILogger logger, string runId, RunStatus status, string? reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Run {RunId}: chunk {Chunk} waits {Delay} for a Zuora job slot")]
    public static partial void WaitingForSlot(ILogger logger, string runId, int chunk, TimeSpan delay);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Run {RunId}: Zuora job {ZuoraJobId} ended {ZuoraJobStatus} after {Polls} polls")]
    public static partial void JobEnded(ILogger logger, string runId, string zuoraJobId,
        BulkJobStatus zuoraJobStatus, int polls);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "Run {RunId}: Zuora job {ZuoraJobId} did not finish within {Timeout}")]
    public static partial void JobTimedOut(ILogger logger, string runId, string zuoraJobId, TimeSpan timeout);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information,
        Message = "Run {RunId}: cancel requested")]
    public static partial void CancelRequested(ILogger logger, string runId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug,
        Message = "Run {RunId}: Zuora job {ZuoraJobId} continues as new after {Polls} polls (generation {Generation})")]
    public static partial void ContinuedAsNew(ILogger logger, string runId, string? zuoraJobId, int polls,
        int generation);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error,
        Message = "Run {RunId}: failed unexpectedly")]
    public static partial void RunFailed(ILogger logger, Exception exception, string runId);
}
