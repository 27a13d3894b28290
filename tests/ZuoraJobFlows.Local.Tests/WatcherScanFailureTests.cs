using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZuoraJobFlows.Local.Watching;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>
/// A scan that fails in an unexpected way must not end the watcher for the rest of the runner's life.
/// </summary>
public sealed class WatcherScanFailureTests
{
    [Fact]
    public async Task Watcher_ScanThrowsUnexpectedException_KeepsScanningAndStartsLaterBlobs()
    {
        var blobs = new BlobServiceClient(TestStorage.ConnectionString);
        var container = blobs.GetBlobContainerClient(TestStorage.UniqueName("watchfail"));
        await container.CreateIfNotExistsAsync();
        try
        {
            var starter = new FailingOnceStarter();
            var options = Options.Create(new BlobWatcherOptions
            {
                Container = container.Name,
                Interval = TimeSpan.FromMilliseconds(100),
            });
            using var watcher = new BlobWatcher(
                blobs, starter, new BlobWatcherStatus(), options, NullLogger<BlobWatcher>.Instance);
            await container.UploadBlobAsync("create/vehicle/first.csv", BinaryData.FromString("make__c\nVW\n"));

            await watcher.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => starter.Started.ContainsKey("create/vehicle/first.csv"));
            await container.UploadBlobAsync("create/vehicle/later.csv", BinaryData.FromString("make__c\nVW\n"));
            await WaitUntilAsync(() => starter.Started.ContainsKey("create/vehicle/later.csv"));
            await watcher.StopAsync(CancellationToken.None);

            Assert.Equal(1, starter.Failures);
            Assert.Null(watcher.ExecuteTask!.Exception);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the watcher");
            await Task.Delay(50);
        }
    }

    /// <summary>Throws an exception the watcher does not expect on the first offer, then starts every blob.</summary>
    private sealed class FailingOnceStarter : IBlobRunStarter
    {
        private int _calls;

        public int Failures { get; private set; }

        public ConcurrentDictionary<string, string> Started { get; } = new();

        public Task<bool> StartAsync(string blobName, string eTag, long length, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Failures++;
                throw new System.Xml.XmlException("Root element is missing.");
            }

            Started[blobName] = eTag;
            return Task.FromResult(true);
        }
    }
}
