using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Functions.Logging;

/// <summary>The Functions app's own log messages; the workflow logs the rest with the run id.</summary>
internal static partial class FunctionsLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Blob {BlobName} (ETag {ETag}) is empty; no import started")]
    public static partial void EmptyBlobSkipped(ILogger logger, string blobName, string eTag);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Blob {BlobName} (ETag {ETag}, {Bytes} bytes) answered {StatusCode}, run {RunLocation}")]
    public static partial void BlobImportAnswered(
        ILogger logger, string blobName, string eTag, long bytes, int statusCode, string? runLocation);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "Blob {BlobName} (ETag {ETag}) was not imported ({StatusCode}): {Reason}")]
    public static partial void BlobRefused(
        ILogger logger, string blobName, string eTag, int statusCode, string reason);
}
