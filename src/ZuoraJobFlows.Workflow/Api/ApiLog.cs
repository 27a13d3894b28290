using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Workflow.Api;

internal static partial class ApiLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Run {RunId}: {Orchestrator} started for object {Object}")]
    public static partial void RunStarted(ILogger logger, string runId, string orchestrator, string @object);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Run {RunId}: already started; answering with the existing run")]
    public static partial void DuplicateStart(ILogger logger, string runId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Blob {BlobName} is empty; no run started")]
    public static partial void EmptyBlobSkipped(ILogger logger, string blobName);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "Run {RunId}: cancel requested")]
    public static partial void CancelRequested(ILogger logger, string runId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "Run {RunId}: start refused, the request's {Fields} differ from the existing run's")]
    public static partial void StartConflict(ILogger logger, string runId, IEnumerable<string> fields);
}
