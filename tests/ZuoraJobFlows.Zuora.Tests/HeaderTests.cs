using System.Text.Json;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class HeaderTests
{
    private static readonly ZuoraRequestOptions Options = new() { TrackId = "run-42", IdempotencyKey = "key-1" };

    [Fact]
    public async Task GetJobAsync_AnyCall_SendsBearerAcceptAndGzip()
    {
        using var host = new ZuoraTestHost();

        await host.Client.GetJobAsync("job-1");

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("gzip", request.Header("Accept-Encoding"));
        Assert.Equal("/objects/jobs/job-1", request.PathAndQuery);
    }

    [Fact]
    public async Task GetJobAsync_TenantOptionsSet_SendsEntityOrgAndVersionHeaders()
    {
        using var host = new ZuoraTestHost(o =>
        {
            o.EntityIds = "entity-1";
            o.OrgIds = "org-1";
            o.Version = "2024-01-01";
        });

        await host.Client.GetJobAsync("job-1");

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Equal("entity-1", request.Header("Zuora-Entity-Ids"));
        Assert.Equal("org-1", request.Header("Zuora-Org-Ids"));
        Assert.Equal("2024-01-01", request.Header("Zuora-Version"));
    }

    [Fact]
    public async Task GetJobAsync_OptionalHeadersUnset_SendsNoneOfThem()
    {
        using var host = new ZuoraTestHost();

        await host.Client.GetJobAsync("job-1");

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Null(request.Header("Zuora-Entity-Ids"));
        Assert.Null(request.Header("Zuora-Org-Ids"));
        Assert.Null(request.Header("Zuora-Version"));
        Assert.Null(request.Header("Zuora-Track-Id"));
        Assert.Null(request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task SubmitJobAsync_WithOptions_SendsIdempotencyKeyAndTrackId()
    {
        using var host = new ZuoraTestHost();

        await host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create), Options);

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("key-1", request.Header("Idempotency-Key"));
        Assert.Equal("run-42", request.Header("Zuora-Track-Id"));
    }

    [Fact]
    public async Task CancelJobAsync_WithOptions_SendsPatchWithIdempotencyKey()
    {
        using var host = new ZuoraTestHost();

        await host.Client.CancelJobAsync("job-1", Options);

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("/objects/jobs/job-1/cancel", request.PathAndQuery);
        Assert.Equal("key-1", request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task UploadFileAsync_WithOptions_SendsIdempotencyKey()
    {
        using var host = new ZuoraTestHost();
        using var file = new MemoryStream("a,b\n1,2\n"u8.ToArray());

        await host.Client.UploadFileAsync("job-1", file, "cars.csv", Options);

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Equal("key-1", request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task GetJobAsync_WithIdempotencyKey_DoesNotSendIt()
    {
        using var host = new ZuoraTestHost();

        await host.Client.GetJobAsync("job-1", Options);

        var request = Assert.Single(host.Handler.ApiRequests);
        Assert.Null(request.Header("Idempotency-Key"));
        Assert.Equal("run-42", request.Header("Zuora-Track-Id"));
    }

    [Theory]
    [InlineData("has:colon")]
    [InlineData("has;semicolon")]
    [InlineData("has\"quote")]
    [InlineData("has'apostrophe")]
    [InlineData("non-ascii-é")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123x")]
    public async Task GetJobAsync_InvalidTrackId_ThrowsArgumentExceptionNamingHeaderAndSendsNothing(string trackId)
    {
        using var host = new ZuoraTestHost();

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => host.Client.GetJobAsync("job-1", new ZuoraRequestOptions { TrackId = trackId }));

        Assert.Contains("Zuora-Track-Id", exception.Message, StringComparison.Ordinal);
        Assert.Empty(host.Handler.Requests);
    }

    [Fact]
    public async Task GetJobAsync_TrackIdOf64Characters_IsSent()
    {
        using var host = new ZuoraTestHost();
        var trackId = new string('a', 64);

        await host.Client.GetJobAsync("job-1", new ZuoraRequestOptions { TrackId = trackId });

        Assert.Equal(trackId, Assert.Single(host.Handler.ApiRequests).Header("Zuora-Track-Id"));
    }

    [Fact]
    public async Task SubmitJobAsync_DeleteWithFilter_SendsZuoraJobBody()
    {
        using var host = new ZuoraTestHost();
        var filter = new BulkJobFilter(
            [new BulkJobCondition("make__c", FilterOperator.EQ, JsonSerializer.SerializeToElement("Volvo"))]);

        await host.Client.SubmitJobAsync(
            new BulkJobRequest("vehicle", BulkJobOperation.Delete) { Filter = filter });

        using var body = JsonDocument.Parse(Assert.Single(host.Handler.ApiRequests).Body!);
        var root = body.RootElement;
        Assert.Equal("default", root.GetProperty("namespace").GetString());
        Assert.Equal("vehicle", root.GetProperty("object").GetString());
        Assert.Equal("delete", root.GetProperty("operation").GetString());
        var condition = root.GetProperty("filter").GetProperty("conditions")[0];
        Assert.Equal("make__c", condition.GetProperty("field").GetString());
        Assert.Equal("EQ", condition.GetProperty("operator").GetString());
        Assert.Equal("Volvo", condition.GetProperty("value").GetString());
    }

    [Fact]
    public async Task SubmitJobAsync_Create_OmitsFilter()
    {
        using var host = new ZuoraTestHost();

        await host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));

        using var body = JsonDocument.Parse(Assert.Single(host.Handler.ApiRequests).Body!);
        Assert.False(body.RootElement.TryGetProperty("filter", out _));
        Assert.Equal("create", body.RootElement.GetProperty("operation").GetString());
    }
}
