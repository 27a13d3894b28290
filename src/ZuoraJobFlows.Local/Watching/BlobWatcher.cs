using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZuoraJobFlows.Local.Watching;

/// <summary>
/// Lists the input container periodically and starts one run per blob version. It only reads: input blobs are
/// never deleted or rewritten, so nothing it does can trigger a run again.
/// </summary>
internal sealed class BlobWatcher(
    BlobServiceClient blobService,
    IBlobRunStarter starter,
    BlobWatcherStatus status,
    IOptions<BlobWatcherOptions> options,
    ILogger<BlobWatcher> logger) : BackgroundService
{
    private readonly BlobVersionTracker _tracker = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var container = blobService.GetBlobContainerClient(options.Value.Container);
        Log.WatcherStarted(logger, container.Name, options.Value.Interval);

        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await ScanAsync(container, stoppingToken).ConfigureAwait(false);
                status.ScanCompleted();
            }
            catch (RequestFailedException exception)
            {
                Log.ScanFailed(logger, container.Name, exception.Status, exception.ErrorCode);
            }
            catch (HttpRequestException exception)
            {
                Log.StorageUnreachable(logger, container.Name, exception.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Anything else (Azurite answers a listing with a body that is not XML when a blob name holds
                // certain control characters) must not end the watcher for the rest of the runner's life: the
                // host would stop it and no later upload would be seen.
                Log.ScanError(logger, exception, container.Name);
            }
        }
        while (await WaitForNextScanAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private async Task ScanAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var version = new BlobVersion(item.Name, item.Properties.ETag?.ToString() ?? "",
                item.Properties.ContentLength ?? 0);
            var atomic = item.Properties.BlobType is null or BlobType.Block;
            if (!_tracker.IsReady(version, atomic))
            {
                continue;
            }

            if (await starter.StartAsync(version.Name, version.ETag, version.Length, cancellationToken)
                    .ConfigureAwait(false))
            {
                _tracker.MarkStarted(version);
            }
        }
    }

    private static async Task<bool> WaitForNextScanAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
