using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using ZuoraJobFlows.Functions.Tests.Fakes;
using ZuoraJobFlows.Functions.Triggers;
using ZuoraJobFlows.Workflow;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Orchestrations;

namespace ZuoraJobFlows.Functions.Tests;

public sealed class ImportBlobTriggerTests
{
    private const string BlobName = "update/vehicle/fleet.csv";
    private const string ETag = "\"0x8DABCDEF\"";

    private readonly FakeDurableClient _durable = new();
    private readonly FakeLogger<ImportBlobTrigger> _logger = new();
    private readonly ImportBlobTrigger _trigger;

    public ImportBlobTriggerTests()
    {
        _trigger = new ImportBlobTrigger(ApiFactory.Create(new FakeInputBlobs()), _logger);
    }

    [Fact]
    public async Task RunAsync_NewBlob_StartsImportWithIdFromContainerNameAndETag()
    {
        var blob = FakeInputBlobs.Blob(BlobName, 2048, ETag);
        var expectedId = ImportInstanceId.For(FakeInputBlobs.Container, BlobName, ETag);

        await _trigger.RunAsync(blob.Object, _durable.Client, CancellationToken.None);

        _durable.Mock.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(WorkflowNames.ImportCsvOrchestrator),
            It.Is<object?>(input => input is ImportRunInput
                && ((ImportRunInput)input).BlobName == BlobName
                && ((ImportRunInput)input).Operation == "update"
                && ((ImportRunInput)input).Object == "vehicle"),
            It.Is<StartOrchestrationOptions?>(options => options!.InstanceId == expectedId),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task RunAsync_SameBlobVersionDeliveredTwice_StartsNoSecondRun()
    {
        var blob = FakeInputBlobs.Blob(BlobName, 2048, ETag);
        var existingId = ImportInstanceId.For(FakeInputBlobs.Container, BlobName, ETag);
        _durable.AddRun(existingId, WorkflowNames.ImportCsvOrchestrator, OrchestrationRuntimeStatus.Running);

        await _trigger.RunAsync(blob.Object, _durable.Client, CancellationToken.None);

        _durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task RunAsync_ZeroByteBlob_SkipsAndLogs()
    {
        var blob = FakeInputBlobs.Blob(BlobName, 0, ETag);

        await _trigger.RunAsync(blob.Object, _durable.Client, CancellationToken.None);

        _durable.VerifyNothingScheduled();
        _durable.Mock.Verify(
            c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Contains(
            _logger.Collector.GetSnapshot(),
            record => record.Message.Contains(BlobName, StringComparison.Ordinal)
                && record.Message.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_AnyBlob_ReadsPropertiesButNeverTheContent()
    {
        var blob = FakeInputBlobs.Blob(BlobName, 2048, ETag);

        await _trigger.RunAsync(blob.Object, _durable.Client, CancellationToken.None);

        blob.Verify(b => b.GetPropertiesAsync(It.IsAny<Azure.Storage.Blobs.Models.BlobRequestConditions>(),
            It.IsAny<CancellationToken>()), Times.Once);
        blob.VerifyGet(b => b.Name);
        blob.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RunAsync_BlobWithoutObjectFolder_NoRunAndWarningWithTheReason()
    {
        var blob = FakeInputBlobs.Blob("create/fleet.csv", 2048, ETag);

        await _trigger.RunAsync(blob.Object, _durable.Client, CancellationToken.None);

        _durable.VerifyNothingScheduled();
        Assert.Contains(
            _logger.Collector.GetSnapshot(),
            record => record.Level == Microsoft.Extensions.Logging.LogLevel.Warning
                && record.Message.Contains("create/fleet.csv", StringComparison.Ordinal)
                && record.Message.Contains("no object folder", StringComparison.Ordinal));
    }
}
