using Azure.Storage.Blobs;
using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Copies a run's result files from the output container to a local folder.</summary>
internal static class ResultDownloader
{
    private static readonly string[] FileNames =
        [ResultPaths.SummaryFileName, ResultPaths.ErrorsFileName, ResultPaths.RetryFileName];

    public static async Task<IReadOnlyList<string>> DownloadAsync(
        BlobContainerClient output,
        string resultFolder,
        string directory,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var saved = new List<string>();
        foreach (var name in FileNames)
        {
            var blob = output.GetBlobClient($"{resultFolder}/{name}");
            if (!(await blob.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
            {
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(directory, name));
            await blob.DownloadToAsync(path, cancellationToken).ConfigureAwait(false);
            saved.Add(path);
        }

        return saved;
    }
}
