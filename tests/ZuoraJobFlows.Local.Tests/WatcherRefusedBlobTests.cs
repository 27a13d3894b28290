using System.Text;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ZuoraJobFlows.Local.Watching;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Options;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>
/// The watcher with the real <see cref="ImportApi"/> over Azurite and a durable client that knows no runs: blobs the
/// API refuses must leave a warning that says which blob and why.
/// </summary>
public sealed class WatcherRefusedBlobTests : IAsyncLifetime
{
    // Row values that must never reach a log line.
    private const string Csv = "make__c,model__c\nVolvo,SecretModelValue\n";

    private readonly BlobServiceClient _blobs = new(TestStorage.ConnectionString);
    private readonly string _container = TestStorage.UniqueName("in-");
    private readonly Mock<DurableTaskClient> _client = new("test") { CallBase = false };
    private readonly RecordingLogger<ImportApiRunStarter> _log = new();
    private readonly BlobWatcherStatus _status = new();
    private ImportApi _api = null!;

    public async Task InitializeAsync()
    {
        await _blobs.GetBlobContainerClient(_container).CreateIfNotExistsAsync();
        var imports = new ImportsOptions { InputContainer = _container, OutputContainer = "zuora-results" };
        _api = new ImportApi(_blobs, Microsoft.Extensions.Options.Options.Create(imports),
            Microsoft.Extensions.Options.Options.Create(new PollingOptions()), TimeProvider.System,
            NullLogger<ImportApi>.Instance);
    }

    public async Task DisposeAsync() => await _blobs.GetBlobContainerClient(_container).DeleteIfExistsAsync();

    [Theory]
    [InlineData("create//empty-obj.csv", "create//empty-obj.csv", "empty folder name")]
    [InlineData("create/rootobj.csv", "create/rootobj.csv", "has no object folder")]
    [InlineData("rootobj.csv", "rootobj.csv", "is at the container's root")]
    [InlineData("create/vehicle/tab\there.csv", "create/vehicle/tab\\there.csv", "control characters")]
    public async Task Watcher_BlobTheApiRefuses_OneWarningNamingBlobAndReasonAcrossScans(
        string blobName, string loggedName, string reason)
    {
        await UploadAsync(blobName);

        await WatchForScansAsync(4);

        var warning = Assert.Single(_log.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains(loggedName, warning.Message, StringComparison.Ordinal);
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries,
            entry => entry.Message.Contains("SecretModelValue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_DotSegmentName_WarningNamingBlobAndReason()
    {
        // The storage SDKs resolve "a/../b.csv" before sending, but other tools can store such a name as written.
        var starter = new ImportApiRunStarter(_api, _client.Object, _log);

        var settled = await starter.StartAsync("create/vehicle/a/../b.csv", "\"0x1\"", 10, CancellationToken.None);

        Assert.True(settled);
        var warning = Assert.Single(_log.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("create/vehicle/a/../b.csv", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'..'", warning.Message, StringComparison.Ordinal);
    }

    private async Task UploadAsync(string blobName) =>
        await _blobs.GetBlobContainerClient(_container).GetBlobClient(blobName)
            .UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Csv)), overwrite: true);

    private async Task WatchForScansAsync(long scans)
    {
        var starter = new ImportApiRunStarter(_api, _client.Object, _log);
        var options = new BlobWatcherOptions { Container = _container, Interval = TimeSpan.FromMilliseconds(50) };
        using var watcher = new BlobWatcher(_blobs, starter, _status,
            Microsoft.Extensions.Options.Options.Create(options), NullLogger<BlobWatcher>.Instance);

        await watcher.StartAsync(CancellationToken.None);
        await WaitFor.ConditionAsync(() => Task.FromResult<long?>(_status.CompletedScans), done => done >= scans,
            TimeSpan.FromSeconds(20), $"{scans} watcher scans");
        await watcher.StopAsync(CancellationToken.None);
    }
}
