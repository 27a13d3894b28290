using System.Net;
using System.Text;
using ZuoraJobFlows.Zuora.Json;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class JobErrorsTests
{
    private const string FirstError =
        """{ "code": "71000020", "message": "bad year", "row": 2, "record": { "year__c": "x" } }""";

    private const string SecondError = """{ "code": "71000030", "message": "too long", "row": 5 }""";

    [Fact]
    public async Task GetJobErrorsAsync_BodyStillArriving_HandsOutFirstErrorBeforeTheRestIsWritten()
    {
        using var host = new ZuoraTestHost();
        var body = new ChunkedStream();
        host.Handler.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(body),
        });
        body.Write("""{ "errors": [ """ + FirstError + ",");

        await using var errors = host.Client.GetJobErrorsAsync("job-1").GetAsyncEnumerator();
        var first = await errors.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var firstError = errors.Current;
        body.Write(SecondError + " ] }");
        body.Complete();
        var second = await errors.MoveNextAsync();
        var secondError = errors.Current;
        var end = await errors.MoveNextAsync();

        Assert.True(first);
        Assert.Equal(new BulkJobError("71000020", "bad year", 2, firstError.Record), firstError);
        Assert.Equal("x", firstError.Record!.Value.GetProperty("year__c").GetString());
        Assert.True(second);
        Assert.Equal(5, secondError.Row);
        Assert.False(end);
        Assert.Equal("/objects/jobs/job-1/errors", Assert.Single(host.Handler.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task GetJobErrorsAsync_BodyCutOff_ThrowsTransient()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(
            RecordingHandler.Json(HttpStatusCode.OK, """{ "errors": [ """ + FirstError + ", { \"code\""));

        var received = new List<BulkJobError>();
        var exception = await Assert.ThrowsAsync<ZuoraApiException>(async () =>
        {
            await foreach (var error in host.Client.GetJobErrorsAsync("job-1"))
            {
                received.Add(error);
            }
        });

        Assert.Single(received);
        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
    }

    [Fact]
    public async Task GetJobErrorsAsync_BodyStalls_ThrowsTransientAfterAttemptTimeout()
    {
        using var host = new ZuoraTestHost(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        var body = new ChunkedStream();
        host.Handler.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(body),
        });
        body.Write("""{ "errors": [ """ + FirstError + ",");

        var received = new List<BulkJobError>();
        var exception = await Assert.ThrowsAsync<ZuoraApiException>(async () =>
        {
            await foreach (var error in host.Client.GetJobErrorsAsync("job-1"))
            {
                received.Add(error);
            }
        });

        Assert.Single(received);
        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.Null(exception.StatusCode);
    }

    [Fact]
    public async Task ReadAsync_OneByteAtATime_ReadsEveryElement()
    {
        var json = """{ "success": true, "other": { "nested": [1, {"errors": []}] }, "errors": [ """
            + string.Join(",", Enumerable.Range(2, 50).Select(ErrorJson))
            + """ ], "after": "ignored" }""";
        var stream = new ChunkedStream();
        foreach (var c in json)
        {
            stream.Write(c.ToString());
        }

        stream.Complete();

        var errors = await JsonArrayPropertyReader.ReadAsync<BulkJobError>(stream, "errors", ZuoraJson.Options)
            .ToListAsync();

        Assert.Equal(Enumerable.Range(2, 50).Select(r => (long)r), errors.Select(e => e.Row));
    }

    private static string ErrorJson(int row) => $$"""{ "code": "1", "message": "m{{row}}", "row": {{row}} }""";

    [Fact]
    public async Task ReadAsync_ElementLargerThanBuffer_ReadsIt()
    {
        var message = new string('m', 100_000);
        var json = $$"""{ "errors": [ { "code": "1", "message": "{{message}}", "row": 2 } ] }""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var errors = await JsonArrayPropertyReader.ReadAsync<BulkJobError>(stream, "errors", ZuoraJson.Options)
            .ToListAsync();

        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("""{ "errors": [] }""")]
    [InlineData("""{ "errors": null }""")]
    [InlineData("""{ "success": true }""")]
    public async Task ReadAsync_NoErrors_ReturnsNothing(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var errors = await JsonArrayPropertyReader.ReadAsync<BulkJobError>(stream, "errors", ZuoraJson.Options)
            .ToListAsync();

        Assert.Empty(errors);
    }
}
