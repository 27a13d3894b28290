using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Local.Watching;

/// <summary>Log messages of the blob watcher that need more than the runner's general ones.</summary>
internal static partial class WatchingLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "Blob {BlobName} (ETag {ETag}) was not imported: {Reason} (answer {StatusCode}); this version is "
            + "not offered to the workflow again while the runner runs")]
    public static partial void BlobRefused(
        ILogger logger, string blobName, string eTag, string reason, int statusCode);
}
