using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Zuora.Logging;

/// <summary>The client's log messages. None of them carries a token, a secret or a request body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug,
        Message = "Zuora {Method} {Path} answered {StatusCode} in {ElapsedMs:F0} ms "
            + "(Zuora-Request-Id {ZuoraRequestId})")]
    public static partial void RequestCompleted(
        ILogger logger, string method, string path, int statusCode, double elapsedMs, string? zuoraRequestId);

    [LoggerMessage(EventId = 1002,
        Message = "Zuora {Method} {Path} failed with {StatusCode} {ZuoraErrorCode} in {ElapsedMs:F0} ms "
            + "(Zuora-Request-Id {ZuoraRequestId})")]
    public static partial void RequestFailed(
        ILogger logger,
        LogLevel level,
        string method,
        string path,
        int statusCode,
        string? zuoraErrorCode,
        double elapsedMs,
        string? zuoraRequestId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Zuora {Method} {Path} got no response after {ElapsedMs:F0} ms ({FailureType})")]
    public static partial void RequestGotNoResponse(
        ILogger logger, string method, string path, double elapsedMs, string failureType);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Zuora refused the OAuth token for {Method} {Path}; fetching a new one and sending again")]
    public static partial void TokenRejected(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "Zuora refused the OAuth token for {Method} {Path}; the body stream cannot be rewound, so the call "
            + "is not sent again")]
    public static partial void UnrepeatableTokenRejected(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug,
        Message = "Zuora OAuth token acquired, valid for {LifetimeSeconds:F0} s, in {ElapsedMs:F0} ms "
            + "(Zuora-Request-Id {ZuoraRequestId})")]
    public static partial void TokenAcquired(
        ILogger logger, double lifetimeSeconds, double elapsedMs, string? zuoraRequestId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Zuora OAuth token request failed with {StatusCode} after {ElapsedMs:F0} ms")]
    public static partial void TokenRequestFailed(ILogger logger, int? statusCode, double elapsedMs);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information,
        Message = "Zuora bulk job {ZuoraJobId} submitted: {Operation} {ObjectName}, status {Status} "
            + "(Zuora-Request-Id {ZuoraRequestId})")]
    public static partial void JobSubmitted(
        ILogger logger,
        string zuoraJobId,
        BulkJobOperation operation,
        string objectName,
        BulkJobStatus status,
        string? zuoraRequestId);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information,
        Message = "Uploaded {Bytes} bytes to Zuora bulk job {ZuoraJobId} in {ElapsedMs:F0} ms, status {Status} "
            + "(Zuora-Request-Id {ZuoraRequestId})")]
    public static partial void FileUploaded(
        ILogger logger, long bytes, string zuoraJobId, double elapsedMs, BulkJobStatus status, string? zuoraRequestId);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information,
        Message = "Zuora bulk job {ZuoraJobId} cancelled, status {Status} (Zuora-Request-Id {ZuoraRequestId})")]
    public static partial void JobCancelled(
        ILogger logger, string zuoraJobId, BulkJobStatus status, string? zuoraRequestId);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Debug,
        Message = "Retrying Zuora GET {Path} in {DelayMs:F0} ms after {Outcome} (retry {Attempt})")]
    public static partial void RetryingGet(ILogger logger, string path, double delayMs, string outcome, int attempt);
}
