using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Uploads a local CSV to <c>{operation}/{object}/{file name}</c> in the input container.</summary>
internal static class InputUploader
{
    // The SDK's defaults send a file of up to 256 MB as one request and larger ones as up to 8 blocks in flight at
    // once, each buffered whole; a few 4 MB blocks two at a time keep the CLI's memory flat for any file size.
    private static readonly StorageTransferOptions TransferOptions = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 2,
    };

    public static string BlobNameFor(string operation, string objectName, string filePath) =>
        $"{operation}/{objectName}/{Path.GetFileName(filePath)}";

    // A tab in a metadata header would be trimmed away as whitespace; the workflow reads the name "tab" as well.
    public static string DelimiterName(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();

    public static async Task<UploadedBlob> UploadAsync(
        BlobContainerClient input,
        string blobName,
        string filePath,
        char? delimiter,
        CancellationToken cancellationToken)
    {
        var blob = input.GetBlobClient(blobName);
        var stream = File.OpenRead(filePath);
        await using (stream.ConfigureAwait(false))
        {
            // The delimiter travels with the blob, so that any host that starts the run (a Functions app included)
            // reads the file the way the user said.
            var options = new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
                TransferOptions = TransferOptions,
                Metadata = delimiter is { } given
                    ? new Dictionary<string, string> { ["delimiter"] = DelimiterName(given) }
                    : null,
            };
            var response = await blob.UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
            return new UploadedBlob(blob, response.Value.ETag.ToString(), stream.Length);
        }
    }
}

/// <summary>The version of the input blob that was uploaded.</summary>
internal sealed record UploadedBlob(BlobClient Blob, string ETag, long Length);
