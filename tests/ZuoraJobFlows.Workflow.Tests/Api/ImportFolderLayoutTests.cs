using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Workflow.Tests.Api;

public sealed class ImportFolderLayoutTests : IAsyncLifetime
{
    private ImportApiWorld _world = null!;

    public async Task InitializeAsync() => _world = await ImportApiWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("create/rootobj.csv", "object", "has no object folder", "create/vehicle/rootobj.csv")]
    [InlineData("update/rootobj.csv", "object", "has no object folder", "update/vehicle/rootobj.csv")]
    [InlineData("rootobj.csv", "blobName", "is at the container's root", "create/vehicle/rootobj.csv")]
    [InlineData("vehicle/cars.csv", "blobName", "has no operation folder", "create/vehicle/cars.csv")]
    [InlineData("upsert/vehicle/a.csv", "operation", "folder 'upsert' is not an operation", "create/vehicle/a.csv")]
    [InlineData("create/veh icle/a.csv", "object", "folder 'veh icle' is not a custom object API name", "letters")]
    public async Task StartImportAsync_FoldersMissingOrWrong_400SayingWhatIsMissingWithAnExample(
        string blobName, string field, string says, string example)
    {
        var result = await _world.PostAsync($"{{\"blobName\":\"{blobName}\"}}");

        Assert.Equal(400, result.StatusCode);
        var problem = Assert.IsType<ProblemBody>(result.Body);
        var message = Assert.Single(Assert.Single(problem.Errors!, e => e.Key == field).Value);
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.Contains(example, message, StringComparison.Ordinal);
        Assert.DoesNotContain("''", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(_world.Scheduled);
    }

    [Fact]
    public async Task StartImportAsync_RootFileWithOperationGiven_400AskingForTheObjectOnly()
    {
        var result = await _world.PostAsync("{\"blobName\":\"rootobj.csv\",\"operation\":\"create\"}");

        Assert.Equal(400, result.StatusCode);
        var errors = Assert.IsType<ProblemBody>(result.Body).Errors!;
        var message = Assert.Single(Assert.Single(errors, e => e.Key == "object").Value);
        Assert.Contains("is at the container's root", message, StringComparison.Ordinal);
        Assert.Contains("give 'object'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartImportAsync_OperationFolderOnlyAndObjectGiven_StartsWithBoth()
    {
        await _world.UploadAsync("create/rootobj.csv", "make__c\nVolvo\n");

        var result = await _world.PostAsync("{\"blobName\":\"create/rootobj.csv\",\"object\":\"vehicle\"}");

        Assert.Equal(202, result.StatusCode);
        var run = Assert.Single(_world.Scheduled);
        Assert.Equal("create", run.Operation);
        Assert.Equal("vehicle", run.Object);
    }

    [Theory]
    [InlineData("create/rootobj.csv", "has no object folder", "create/vehicle/rootobj.csv")]
    [InlineData("rootobj.csv", "is at the container's root", "create/vehicle/rootobj.csv")]
    [InlineData("vehicle/cars.csv", "has no operation folder", "create/vehicle/cars.csv")]
    public async Task StartFromBlobAsync_FoldersMissing_400SayingWhatIsMissingAndNoRun(
        string blobName, string says, string example)
    {
        var result = await _world.Api.StartFromBlobAsync(
            _world.Client.Object, blobName, "\"0x1\"", 10, CancellationToken.None);

        Assert.Equal(400, result.StatusCode);
        var message = Assert.Single(Assert.IsType<ProblemBody>(result.Body).Errors!["blobName"]);
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.Contains(example, message, StringComparison.Ordinal);
        Assert.Empty(_world.Scheduled);
    }

    [Fact]
    public async Task StartFromBlobAsync_UnknownOperationFolder_StartsRunThatIsRejectedWithASummary()
    {
        var result = await _world.Api.StartFromBlobAsync(
            _world.Client.Object, "upsert/vehicle/a.csv", "\"0x1\"", 10, CancellationToken.None);

        Assert.Equal(202, result.StatusCode);
        var run = Assert.Single(_world.Scheduled);
        Assert.Equal("upsert", run.Operation);
        Assert.Equal("vehicle", run.Object);
    }

    [Theory]
    [InlineData("/create/vehicle/pipe.csv", "must not start with '/'", "create/vehicle/pipe.csv")]
    [InlineData("//create/vehicle/pipe.csv", "must not start with '/'", "create/vehicle/pipe.csv")]
    [InlineData("https://evil.example/x.csv", "not a URL", "inside the input container")]
    [InlineData("file:///etc/passwd", "not a URL", "inside the input container")]
    [InlineData("create//empty-obj.csv", "empty folder name", "'//'")]
    [InlineData("create/vehicle/a/../b.csv", "'..'", "segments")]
    [InlineData("create/vehicle/tab\\there.csv", "control characters", "tab")]
    public async Task StartImportAsync_BlobNameRefused_400ExplainingTheActualProblem(
        string blobName, string says, string alsoSays)
    {
        var result = await _world.PostAsync($"{{\"blobName\":\"{blobName}\"}}");

        Assert.Equal(400, result.StatusCode);
        var message = Assert.Single(Assert.IsType<ProblemBody>(result.Body).Errors!["blobName"]);
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.Contains(alsoSays, message, StringComparison.Ordinal);
        if (blobName.StartsWith('/'))
        {
            Assert.DoesNotContain("URL", message, StringComparison.Ordinal);
        }
    }
}
