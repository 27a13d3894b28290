namespace ZuoraJobFlows.ZuoraEmulator;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs} ms (Zuora-Request-Id {ZuoraRequestId})")]
    public static partial void RequestHandled(ILogger logger, string method, string path, int statusCode,
        long elapsedMs, string zuoraRequestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Loaded {Count} custom object definition(s) from {Folder}")]
    public static partial void DefinitionsLoaded(ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "No definitions folder found; start with no custom objects")]
    public static partial void NoDefinitionsFolder(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Bulk job {ZuoraJobId} is {Status}")]
    public static partial void JobStatusChanged(ILogger logger, string zuoraJobId, string status);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information,
        Message = "Bulk job {ZuoraJobId} received a file of {Bytes} bytes")]
    public static partial void FileStored(ILogger logger, string zuoraJobId, long bytes);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information,
        Message = "Bulk job {ZuoraJobId} ended {Status}: {RecordsProcessed} records processed, {FailedRecords} failed")]
    public static partial void JobFinished(ILogger logger, string zuoraJobId, string status, long recordsProcessed,
        int failedRecords);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "Injected fault {StatusCode} (Zuora-Request-Id {ZuoraRequestId})")]
    public static partial void FaultInjected(ILogger logger, int statusCode, string zuoraRequestId);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning,
        Message = "Dropped the connection of an upload to job {ZuoraJobId} {Moment}")]
    public static partial void UploadDropped(ILogger logger, string zuoraJobId, string moment);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Bulk job {ZuoraJobId} crashed in the emulator")]
    public static partial void JobCrashed(ILogger logger, string zuoraJobId, Exception exception);
}
