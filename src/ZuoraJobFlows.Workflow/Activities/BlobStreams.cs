using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>How the activities read and write blobs: streamed, pinned to a version, with small buffers.</summary>
/// <remarks>
/// The SDK's seekable read stream and its write stream hold 4 MB buffers by default, rented from the shared array
/// pool, which keeps them after use; with five chunks uploading at once that was tens of megabytes that stayed
/// for the rest of a long run (scripts/bench-memory.sh). A streaming download needs no buffer of its own (the
/// reader's buffer is the only one) and resumes from where it stopped after a dropped connection.
/// </remarks>
internal static class BlobStreams
{
    /// <summary>Block size of written blobs, and range size of seekable reads: one is buffered at a time.</summary>
    public const int BufferBytes = 1024 * 1024;

    /// <summary>
    /// Opens <paramref name="blob"/> for one forward read, pinned to <paramref name="eTag"/> when given, so that a
    /// later upload of the same name never mixes in; without it the read is pinned to the version it started on.
    /// </summary>
    /// <exception cref="RequestFailedException">404 when the blob is gone, 412 when it changed.</exception>
    public static async Task<Stream> OpenReadAsync(
        BlobClient blob,
        string? eTag,
        CancellationToken cancellationToken) =>
        (await DownloadAsync(blob, eTag, cancellationToken)).Content;

    /// <summary>As <see cref="OpenReadAsync"/>, with the blob's properties and metadata; dispose the result.</summary>
    public static async Task<BlobDownloadStreamingResult> DownloadAsync(
        BlobClient blob,
        string? eTag,
        CancellationToken cancellationToken)
    {
        var options = new BlobDownloadOptions { Conditions = Conditions(eTag) };
        return (await blob.DownloadStreamingAsync(options, cancellationToken)).Value;
    }

    /// <summary>
    /// Opens <paramref name="blob"/> as a seekable stream read in 1 MB ranges and pinned to the version it opened:
    /// a body with a known length that can be sent again whole, as an upload to Zuora needs.
    /// </summary>
    public static Task<Stream> OpenSeekableReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var options = new BlobOpenReadOptions(allowModifications: false) { BufferSize = BufferBytes };
        return blob.OpenReadAsync(options, cancellationToken);
    }

    /// <summary>Creates or replaces <paramref name="blob"/> as a CSV file written through a 1 MB buffer.</summary>
    public static Task<Stream> OpenCsvWriteAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var options = new BlobOpenWriteOptions
        {
            BufferSize = BufferBytes,
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
        };
        return blob.OpenWriteAsync(overwrite: true, options, cancellationToken);
    }

    public static BlobRequestConditions? Conditions(string? eTag) =>
        string.IsNullOrWhiteSpace(eTag) ? null : new BlobRequestConditions { IfMatch = Quoted(eTag) };

    private static ETag Quoted(string eTag)
    {
        var trimmed = eTag.Trim();
        return trimmed.StartsWith('"') ? new ETag(trimmed) : new ETag($"\"{trimmed}\"");
    }
}
