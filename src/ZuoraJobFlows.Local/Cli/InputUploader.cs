using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Uploads a local CSV to <c>{operation}/{object}/{file name}</c> in the input container.</summary>
internal static class InputUploader
{
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
