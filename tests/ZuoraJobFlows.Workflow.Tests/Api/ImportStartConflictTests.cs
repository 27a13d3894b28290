using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Workflow.Tests.Api;

public sealed class ImportStartConflictTests : IAsyncLifetime
{
    private const string BlobName = "create/vehicle/cars.csv";

    private ImportApiWorld _world = null!;

    public async Task InitializeAsync() => _world = await ImportApiWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task StartImportAsync_RunExistsWithOtherObjectAndDelimiter_409NamingFieldsValuesAndRun()
    {
        var eTag = await _world.UploadAsync(BlobName, "make__c\nVolvo\n");
        var runId = _world.RunIdFor(BlobName, eTag);
        _world.RunExists(_world.RunInput(runId, BlobName, eTag, "create", "vehicle", delimiter: null));

        var result = await _world.PostAsync(
            $"{{\"blobName\":\"{BlobName}\",\"object\":\"truck\",\"delimiter\":\";\"}}");

        Assert.Equal(409, result.StatusCode);
        var problem = Assert.IsType<ProblemBody>(result.Body);
        Assert.Equal(["delimiter", "object"], problem.Errors!.Keys.Order());
        Assert.Contains("'truck'", problem.Errors["object"][0], StringComparison.Ordinal);
        Assert.Contains("'vehicle'", problem.Errors["object"][0], StringComparison.Ordinal);
        Assert.Contains("';'", problem.Errors["delimiter"][0], StringComparison.Ordinal);
        Assert.Contains(runId, problem.Detail, StringComparison.Ordinal);
        Assert.Contains("would load its rows twice", problem.Detail, StringComparison.Ordinal);
        Assert.Contains(
            "upload the file again as 'create/truck/cars.csv' with blob metadata delimiter=;",
            problem.Detail,
            StringComparison.Ordinal);
        Assert.Equal(runId, problem.RunId);
        Assert.Empty(_world.Scheduled);
    }

    [Fact]
    public async Task StartImportAsync_RunExistsWithOtherOperation_409NamingOperation()
    {
        var eTag = await _world.UploadAsync(BlobName, "make__c\nVolvo\n");
        var runId = _world.RunIdFor(BlobName, eTag);
        _world.RunExists(_world.RunInput(runId, BlobName, eTag, "create", "vehicle", delimiter: null));

        var result = await _world.PostAsync($"{{\"blobName\":\"{BlobName}\",\"operation\":\"update\"}}");

        Assert.Equal(409, result.StatusCode);
        var problem = Assert.IsType<ProblemBody>(result.Body);
        Assert.Equal(["operation"], problem.Errors!.Keys);
        Assert.Contains("'update'", problem.Errors["operation"][0], StringComparison.Ordinal);
        Assert.Contains("'create'", problem.Errors["operation"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",\"object\":\"vehicle\",\"operation\":\"create\"")]
    [InlineData(",\"delimiter\":\"semicolon\"")]
    [InlineData(",\"object\":null,\"delimiter\":\";\"")]
    public async Task StartImportAsync_RunExistsWithEqualOrAbsentFields_200WithExistingRun(string fields)
    {
        var eTag = await _world.UploadAsync(BlobName, "make__c\nVolvo\n");
        var runId = _world.RunIdFor(BlobName, eTag);
        _world.RunExists(_world.RunInput(runId, BlobName, eTag, "create", "vehicle", delimiter: ";"));

        var result = await _world.PostAsync($"{{\"blobName\":\"{BlobName}\"{fields}}}");

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(runId, Assert.IsType<RunView>(result.Body).Id);
        Assert.Equal(ImportApi.StatusUri(runId), result.Location);
        Assert.Empty(_world.Scheduled);
    }

    [Fact]
    public async Task StartImportAsync_RunReadsTheSameDelimiterFromMetadata_200()
    {
        // A watcher-started run has no delimiter of its own: it reads the blob's metadata, as this start would.
        var eTag = await _world.UploadAsync(BlobName, "make__c\nVolvo\n",
            new Dictionary<string, string> { ["delimiter"] = ";" });
        var runId = _world.RunIdFor(BlobName, eTag);
        _world.RunExists(_world.RunInput(runId, BlobName, eTag, "create", "vehicle", delimiter: null));

        var result = await _world.PostAsync($"{{\"blobName\":\"{BlobName}\",\"delimiter\":\";\"}}");

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task StartImportAsync_SecondStartBeforeRunIsVisible_OtherFields409SameFields200OneRun()
    {
        await _world.UploadAsync(BlobName, "make__c\nVolvo\n");
        var body = $"{{\"blobName\":\"{BlobName}\",\"object\":\"vehicle\"}}";

        var first = await _world.PostAsync(body);
        var other = await _world.PostAsync($"{{\"blobName\":\"{BlobName}\",\"object\":\"truck\"}}");
        var same = await _world.PostAsync(body);

        Assert.Equal(202, first.StatusCode);
        Assert.Equal(409, other.StatusCode);
        Assert.Equal(["object"], Assert.IsType<ProblemBody>(other.Body).Errors!.Keys);
        Assert.Equal(200, same.StatusCode);
        Assert.Equal(first.Location, same.Location);
        Assert.Single(_world.Scheduled);
    }

    [Fact]
    public async Task StartImportAsync_StartRacedByAnotherProcessWithOtherObject_409()
    {
        var eTag = await _world.UploadAsync(BlobName, "make__c\nVolvo\n");
        var runId = _world.RunIdFor(BlobName, eTag);
        var other = _world.RunInput(runId, BlobName, eTag, "create", "vehicle", delimiter: null);
        var metadata = new OrchestrationMetadata(WorkflowNames.ImportCsvOrchestrator, runId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            SerializedInput = JsonDataConverter.Default.Serialize(other),
            DataConverter = JsonDataConverter.Default,
        };
        _world.Client.SetupSequence(c => c.GetInstanceAsync(runId, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null)
            .ReturnsAsync(metadata);
        _world.Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(),
                It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("An orchestration with this id already exists."));

        var result = await _world.PostAsync($"{{\"blobName\":\"{BlobName}\",\"object\":\"truck\"}}");

        Assert.Equal(409, result.StatusCode);
        Assert.Equal(runId, Assert.IsType<ProblemBody>(result.Body).RunId);
    }
}
