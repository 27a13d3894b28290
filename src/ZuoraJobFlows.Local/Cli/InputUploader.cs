using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Uploads a local CSV to <c>{operation}/{object}/{file name}</c> in the input container.</summary>
internal static class InputUploader
{
    public static string BlobNameFor(string operation, string objectName, string filePath) =>
        $"{operation}/{objectName}/{Path.GetFileName(filePath)}";

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
                Metadata = delimiter is null ? null : new Dictionary<string, string> { ["delimiter"] = $"{delimiter}" },
            };
            var response = await blob.UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
            return new UploadedBlob(blob, response.Value.ETag.ToString(), stream.Length);
        }
    }
}

/// <summary>The version of the input blob that was uploaded.</summary>
internal sealed record UploadedBlob(BlobClient Blob, string ETag, long Length);
