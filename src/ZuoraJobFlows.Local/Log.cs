using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Local;

/// <summary>Log messages of the local runner.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Watching container {Container} every {Interval}")]
    public static partial void WatcherStarted(ILogger logger, string container, TimeSpan interval);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Listing container {Container} failed with status {Status} ({ErrorCode}); trying again")]
    public static partial void ScanFailed(ILogger logger, string container, int status, string? errorCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Blob storage is unreachable while listing {Container}: {Reason}; trying again")]
    public static partial void StorageUnreachable(ILogger logger, string container, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "Listing container {Container} failed; trying again")]
    public static partial void ScanError(ILogger logger, Exception exception, string container);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Blob {BlobName} (ETag {ETag}) offered to the workflow: {StatusCode} {Outcome}")]
    public static partial void BlobOffered(
        ILogger logger, string blobName, string eTag, int statusCode, string outcome);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "Starting the run for blob {BlobName} (ETag {ETag}) failed; trying again at the next scan")]
    public static partial void BlobStartFailed(ILogger logger, Exception exception, string blobName, string eTag);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information,
        Message = "Local runner ready: API on {ApiUrl}, task hub {TaskHub}")]
    public static partial void RunnerReady(ILogger logger, Uri apiUrl, string taskHub);
}
