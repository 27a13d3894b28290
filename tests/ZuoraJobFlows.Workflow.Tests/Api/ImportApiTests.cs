using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Options;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Tests.Infrastructure;

namespace ZuoraJobFlows.Workflow.Tests.Api;

public sealed class ImportApiTests : IAsyncLifetime
{
    private readonly Mock<DurableTaskClient> _client = new("test") { CallBase = false };
    private readonly ImportsOptions _imports = new()
    {
        InputContainer = Azurite.UniqueContainer("api-in"),
        OutputContainer = "zuora-results",
    };

    private ImportApi _api = null!;

    public async Task InitializeAsync()
    {
        var blobs = Azurite.CreateClient();
        await blobs.GetBlobContainerClient(_imports.InputContainer).CreateIfNotExistsAsync();
        _api = new ImportApi(
            blobs,
            Microsoft.Extensions.Options.Options.Create(_imports),
            Microsoft.Extensions.Options.Options.Create(new PollingOptions()),
            TimeProvider.System,
            NullLogger<ImportApi>.Instance);
    }

    public Task DisposeAsync() =>
        Azurite.CreateClient().GetBlobContainerClient(_imports.InputContainer).DeleteIfExistsAsync();

    [Theory]
    [InlineData("{}", "blobName")]
    [InlineData("{\"blobName\":\"\"}", "blobName")]
    [InlineData("{\"blobName\":\"create/vehicle/../../secret.csv\"}", "blobName")]
    [InlineData("{\"blobName\":\"https://evil.example/x.csv\"}", "blobName")]
    [InlineData("{\"blobName\":\"/create/vehicle/a.csv\"}", "blobName")]
    [InlineData("{\"blobName\":\"create\\\\vehicle\\\\a.csv\"}", "blobName")]
    [InlineData("{\"blobName\":42}", "blobName")]
    [InlineData("{\"blobName\":\"upsert/vehicle/a.csv\"}", "operation")]
    [InlineData("{\"blobName\":\"a.csv\",\"operation\":\"create\"}", "object")]
    [InlineData("{\"blobName\":\"create/veh icle/a.csv\"}", "object")]
    [InlineData("{\"blobName\":\"create/vehicle/a.csv\",\"delimiter\":\"xx\"}", "delimiter")]
    [InlineData("[1,2]", "body")]
    [InlineData("{not json", "body")]
    public async Task StartImportAsync_BadBody_400NamingTheField(string body, string field)
    {
        var result = await _api.StartImportAsync(_client.Object, Body(body), CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        var problem = Assert.IsType<ProblemBody>(result.Body);
        Assert.Contains(field, problem.Errors!.Keys);
        NoRunScheduled();
    }

    [Fact]
    public async Task StartImportAsync_OversizedUnseekableBody_400NamingBody()
    {
        var json = "{\"blobName\":\"create/vehicle/a.csv\",\"pad\":\"" + new string('x', 70_000) + "\"}";
        using var body = new UnseekableStream(Encoding.UTF8.GetBytes(json));

        var result = await _api.StartImportAsync(_client.Object, body, CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        var problem = Assert.IsType<ProblemBody>(result.Body);
        Assert.Contains("body", problem.Errors!.Keys);
        NoRunScheduled();
    }

    [Fact]
    public async Task StartImportAsync_BlobMissing_404()
    {
        var result = await _api.StartImportAsync(
            _client.Object, Body("{\"blobName\":\"create/vehicle/missing.csv\"}"), CancellationToken.None);

        Assert.Equal(404, result.StatusCode);
        NoRunScheduled();
    }

    [Fact]
    public async Task StartImportAsync_NewBlob_202WithLocationAndDeterministicId()
    {
        var eTag = await UploadAsync("create/vehicle/my cars #1.csv", "make__c\nVolvo\n");
        var expectedId = ImportInstanceId.For(_imports.InputContainer, "create/vehicle/my cars #1.csv", eTag);
        ImportRunInput? scheduled = null;
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(),
                    It.IsAny<CancellationToken>()))
            .Callback((TaskName _, object? input, StartOrchestrationOptions? _, CancellationToken _) =>
                scheduled = input as ImportRunInput)
            .ReturnsAsync(expectedId);

        var result = await _api.StartImportAsync(
            _client.Object, Body("{\"blobName\":\"create/vehicle/my cars #1.csv\"}"), CancellationToken.None);

        Assert.Equal(202, result.StatusCode);
        Assert.Equal($"/api/imports/{expectedId}", result.Location);
        Assert.Equal(expectedId, Assert.IsType<AcceptedRun>(result.Body).Id);
        Assert.Equal("create", scheduled!.Operation);
        Assert.Equal("vehicle", scheduled.Object);
        Assert.Equal(expectedId, scheduled.RunId);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            WorkflowNames.ImportCsvOrchestrator,
            It.IsAny<object?>(),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == expectedId),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task StartImportAsync_SameBlobVersionAgain_200WithExistingRun()
    {
        var eTag = await UploadAsync("create/vehicle/cars.csv", "make__c\nVolvo\n");
        var id = ImportInstanceId.For(_imports.InputContainer, "create/vehicle/cars.csv", eTag);
        _client.Setup(c => c.GetInstanceAsync(id, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(WorkflowNames.ImportCsvOrchestrator, id)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
            });

        var result = await _api.StartImportAsync(
            _client.Object, Body("{\"blobName\":\"create/vehicle/cars.csv\"}"), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(id, Assert.IsType<RunView>(result.Body).Id);
        NoRunScheduled();
    }

    [Fact]
    public async Task GetImportAsync_UnknownId_404()
    {
        var result = await _api.GetImportAsync(_client.Object, "imp-nothing", CancellationToken.None);

        Assert.Equal(404, result.StatusCode);
    }

    [Fact]
    public async Task CancelImportAsync_RunFinished_409()
    {
        _client.Setup(c => c.GetInstanceAsync("imp-done", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(WorkflowNames.ImportCsvOrchestrator, "imp-done")
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            });

        var result = await _api.CancelImportAsync(_client.Object, "imp-done", CancellationToken.None);

        Assert.Equal(409, result.StatusCode);
        _client.Verify(
            c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(),
                It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task CancelImportAsync_UnknownId_404()
    {
        var result = await _api.CancelImportAsync(_client.Object, "imp-unknown", CancellationToken.None);

        Assert.Equal(404, result.StatusCode);
    }

    [Fact]
    public async Task ListImportsAsync_UnknownStatus_400NamingStatus()
    {
        var result = await _api.ListImportsAsync(_client.Object, "Sleeping", CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("status", Assert.IsType<ProblemBody>(result.Body).Errors!.Keys);
    }

    [Theory]
    [InlineData("{\"filter\":{\"conditions\":[{\"field\":\"a\",\"operator\":\"EQ\",\"value\":1}]}}", "object")]
    [InlineData("{\"object\":\"vehicle\"}", "filter")]
    [InlineData("{\"object\":\"vehicle\",\"filter\":{\"conditions\":[]}}", "filter.conditions")]
    [InlineData(
        "{\"object\":\"vehicle\",\"filter\":{\"conditions\":[{\"field\":\"a\",\"operator\":\"LIKE\",\"value\":1}]}}",
        "filter.conditions[0].operator")]
    [InlineData("{\"object\":\"vehicle\",\"filter\":{\"conditions\":[{\"field\":\"a\",\"operator\":\"EQ\"}]}}",
        "filter.conditions[0].value")]
    public async Task StartDeleteAsync_BadBody_400NamingTheField(string body, string field)
    {
        var result = await _api.StartDeleteAsync(_client.Object, Body(body), CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains(field, Assert.IsType<ProblemBody>(result.Body).Errors!.Keys);
        NoRunScheduled();
    }

    [Fact]
    public async Task StartDeleteAsync_ValidFilter_202StartsDeleteOrchestrator()
    {
        var body = "{\"object\":\"vehicle\",\"filter\":{\"conditions\":"
            + "[{\"field\":\"year__c\",\"operator\":\"LT\",\"value\":2000}]}}";

        var result = await _api.StartDeleteAsync(_client.Object, Body(body), CancellationToken.None);

        Assert.Equal(202, result.StatusCode);
        Assert.StartsWith("/api/imports/del-", result.Location);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            WorkflowNames.DeleteRecordsOrchestrator,
            It.Is<object?>(i => ((DeleteRecordsInput)i!).Filter.Conditions[0].Field == "year__c"),
            It.IsAny<StartOrchestrationOptions?>(),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task StartFromBlobAsync_ZeroLength_SkippedWithoutRun()
    {
        var result = await _api.StartFromBlobAsync(
            _client.Object, "create/vehicle/still-writing.csv", "\"0x1\"", 0, CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.True(Assert.IsType<SkippedStart>(result.Body).Skipped);
        NoRunScheduled();
    }

    [Fact]
    public void For_QuotedAndUnquotedETag_GiveTheSameId()
    {
        var quoted = ImportInstanceId.For("zuora-imports", "create/vehicle/a.csv", "\"0x8DC1\"");
        var unquoted = ImportInstanceId.For("zuora-imports", "create/vehicle/a.csv", "0x8DC1");
        var other = ImportInstanceId.For("zuora-imports", "create/vehicle/a.csv", "0x8DC2");

        Assert.Equal(quoted, unquoted);
        Assert.NotEqual(quoted, other);
        Assert.Matches("^imp-[0-9a-f]{32}$", quoted);
    }

    private static MemoryStream Body(string json) => new(Encoding.UTF8.GetBytes(json));

    private async Task<string> UploadAsync(string blobName, string content)
    {
        var blob = Azurite.CreateClient().GetBlobContainerClient(_imports.InputContainer).GetBlobClient(blobName);
        var info = await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(content)), overwrite: true);
        return info.Value.ETag.ToString();
    }

    private void NoRunScheduled() =>
        _client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(),
                    It.IsAny<CancellationToken>()),
            Times.Never);

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
