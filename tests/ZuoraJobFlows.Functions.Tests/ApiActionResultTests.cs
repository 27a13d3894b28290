using ZuoraJobFlows.Functions.Http;
using ZuoraJobFlows.Functions.Tests.Fakes;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Functions.Tests;

public sealed class ApiActionResultTests
{
    [Fact]
    public async Task ExecuteResultAsync_NoBody_WritesStatusOnly()
    {
        var request = HttpExchange.Request();

        var response = await HttpExchange.ExecuteAsync(new ApiActionResult(new ApiResult(204, null)), request);

        Assert.Equal(204, response.StatusCode);
        Assert.Null(response.ContentType);
        Assert.Equal(string.Empty, response.Location);
    }

    [Fact]
    public async Task ExecuteResultAsync_Body_WritesCamelCaseJson()
    {
        var request = HttpExchange.Request();
        var body = new SkippedStart("create/vehicle/empty.csv", "The blob is empty.");

        var response = await HttpExchange.ExecuteAsync(new ApiActionResult(new ApiResult(200, body)), request);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("create/vehicle/empty.csv", response.Body.GetProperty("blobName").GetString());
        Assert.True(response.Body.GetProperty("skipped").GetBoolean());
    }
}
