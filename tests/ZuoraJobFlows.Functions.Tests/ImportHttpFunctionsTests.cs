using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using ZuoraJobFlows.Functions.Http;
using ZuoraJobFlows.Functions.Tests.Fakes;
using ZuoraJobFlows.Workflow;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Orchestrations;

namespace ZuoraJobFlows.Functions.Tests;

public sealed class ImportHttpFunctionsTests
{
    private const string BlobName = "create/vehicle/cars.csv";
    private const string ETag = "\"0x8DC0FFEE\"";

    private readonly FakeInputBlobs _blobs = new();
    private readonly FakeDurableClient _durable = new();
    private readonly ImportHttpFunctions _functions;

    public ImportHttpFunctionsTests()
    {
        _functions = new ImportHttpFunctions(ApiFactory.Create(_blobs));
    }

    [Fact]
    public async Task StartImport_BlobInInputContainer_Returns202WithLocationAndStartsTheRun()
    {
        _blobs.Add(BlobName, 120, ETag);
        var request = HttpExchange.Request($$"""{ "blobName": "{{BlobName}}" }""");
        var expectedId = ImportInstanceId.For(FakeInputBlobs.Container, BlobName, ETag);

        var result = await _functions.StartImportAsync(request, _durable.Client, CancellationToken.None);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(202, response.StatusCode);
        Assert.Equal($"/api/imports/{expectedId}", response.Location);
        Assert.Equal(expectedId, response.Body.GetProperty("id").GetString());
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        _durable.Mock.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(WorkflowNames.ImportCsvOrchestrator),
            It.Is<object?>(input => input is ImportRunInput
                && ((ImportRunInput)input).BlobName == BlobName
                && ((ImportRunInput)input).Object == "vehicle"
                && ((ImportRunInput)input).Operation == "create"),
            It.Is<StartOrchestrationOptions?>(options => options!.InstanceId == expectedId),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task StartImport_SameBlobVersionAgain_ReturnsExistingRunWithoutStarting()
    {
        _blobs.Add(BlobName, 120, ETag);
        var existingId = ImportInstanceId.For(FakeInputBlobs.Container, BlobName, ETag);
        _durable.AddRun(existingId, WorkflowNames.ImportCsvOrchestrator, OrchestrationRuntimeStatus.Running);
        var request = HttpExchange.Request($$"""{ "blobName": "{{BlobName}}" }""");

        var result = await _functions.StartImportAsync(request, _durable.Client, CancellationToken.None);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal($"/api/imports/{existingId}", response.Location);
        Assert.Equal(existingId, response.Body.GetProperty("id").GetString());
        Assert.Equal("Running", response.Body.GetProperty("runtimeStatus").GetString());
        _durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task StartImport_NoBlobName_Returns400ProblemNamingTheField()
    {
        var request = HttpExchange.Request("""{ "object": "vehicle" }""");

        var result = await _functions.StartImportAsync(request, _durable.Client, CancellationToken.None);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal(400, response.Body.GetProperty("status").GetInt32());
        Assert.True(response.Body.GetProperty("errors").TryGetProperty("blobName", out _));
        _durable.VerifyNothingScheduled();
    }

    [Theory]
    [InlineData("../other/create/vehicle/cars.csv")]
    [InlineData("https://evil.example/zuora-imports/create/vehicle/cars.csv")]
    public async Task StartImport_BlobNameLeavingTheContainer_Returns400(string blobName)
    {
        var request = HttpExchange.Request($$"""{ "blobName": "{{blobName}}" }""");

        var result = await _functions.StartImportAsync(request, _durable.Client, CancellationToken.None);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(400, response.StatusCode);
        Assert.True(response.Body.GetProperty("errors").TryGetProperty("blobName", out _));
        _durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task StartImport_BodyIsNotJson_Returns400()
    {
        var request = HttpExchange.Request("blobName=cars.csv");

        var result = await _functions.StartImportAsync(request, _durable.Client, CancellationToken.None);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(400, response.StatusCode);
        _durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task StartImport_BlobNotUploaded_Returns404()
    {
        var request = HttpExchange.Request($$"""{ "blobName": "{{BlobName}}" }""");

        var result = await _functions.StartImportAsync(request, _durable.Client, CancellationToken.None);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(404, response.StatusCode);
        _durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task GetImport_UnknownId_Returns404Problem()
    {
        var request = HttpExchange.Request();

        var result = await _functions.GetImportAsync(request, "imp-0123456789abcdef", _durable.Client, default);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(404, response.StatusCode);
        Assert.Equal(404, response.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GetImport_KnownRun_Returns200WithRuntimeStatus()
    {
        _durable.AddRun("imp-abc", WorkflowNames.ImportCsvOrchestrator, OrchestrationRuntimeStatus.Pending);
        var request = HttpExchange.Request();

        var result = await _functions.GetImportAsync(request, "imp-abc", _durable.Client, default);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("imp-abc", response.Body.GetProperty("id").GetString());
        Assert.Equal("Pending", response.Body.GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task ListImports_UnknownStatus_Returns400NamingStatus()
    {
        var request = HttpExchange.Request(query: "?status=Sleeping");

        var result = await _functions.ListImportsAsync(request, _durable.Client, default);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(400, response.StatusCode);
        Assert.True(response.Body.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task CancelImport_UnknownId_Returns404()
    {
        var request = HttpExchange.Request("{}");

        var result = await _functions.CancelImportAsync(request, "imp-missing", _durable.Client, default);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(404, response.StatusCode);
        _durable.Mock.Verify(
            c => c.RaiseEventAsync(
                It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task CancelImport_RunningRun_Returns202AndSignalsTheRun()
    {
        _durable.AddRun("imp-abc", WorkflowNames.ImportCsvOrchestrator, OrchestrationRuntimeStatus.Running);
        var request = HttpExchange.Request("{}");

        var result = await _functions.CancelImportAsync(request, "imp-abc", _durable.Client, default);

        var response = await HttpExchange.ExecuteAsync(result, request);
        Assert.Equal(202, response.StatusCode);
        Assert.Equal("/api/imports/imp-abc", response.Location);
        _durable.Mock.Verify(c => c.RaiseEventAsync(
            "imp-abc", WorkflowNames.CancelRequestedEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()));
    }
}
