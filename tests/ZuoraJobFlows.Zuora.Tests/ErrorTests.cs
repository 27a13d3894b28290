using System.Net;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class ErrorTests
{
    private const string JobLimitMessage =
        "Concurrent bulk job limit reached: the tenant already has 5 jobs in accepted, pending or in_progress status.";

    [Fact]
    public async Task GetJobAsync_TopLevelErrorBody_ReportsCodeMessageAndRequestId()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(
            WithRequestId(RecordingHandler.Json(
                HttpStatusCode.BadRequest, """{ "code": "71000020", "message": "Bad id" }""")));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.GetJobAsync("job-1"));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(new ZuoraErrorDetail("71000020", "Bad id"), Assert.Single(exception.Errors));
        Assert.Equal("71000020", exception.Code);
        Assert.Equal("req-123", exception.RequestId);
        Assert.Equal(ZuoraFailureKind.Permanent, exception.Kind);
        Assert.False(exception.IsTransient);
        Assert.Contains("71000020 Bad id", exception.Message, StringComparison.Ordinal);
        Assert.Contains("req-123", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitJobAsync_ServerErrorWithRateLimitReset_IsTransientWithoutRequestedWait()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) =>
        {
            var response = RecordingHandler.Json(HttpStatusCode.InternalServerError,
                """{ "success": false, "reasons": [ { "code": "90000060", "message": "Internal error" } ] }""");
            response.Headers.Add("RateLimit-Remaining", "999");
            response.Headers.Add("RateLimit-Reset", "58");
            return Task.FromResult(response);
        };

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.SubmitJobAsync(
            new Models.BulkJobRequest("vehicle", Models.BulkJobOperation.Create)));

        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.Null(exception.RetryAfter);
    }

    [Fact]
    public async Task GetJobAsync_ReasonsErrorBody_ReportsEveryReason()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(
            HttpStatusCode.BadRequest,
            """
            { "success": false, "reasons": [
                { "code": "71120020", "message": "Job is not pending" },
                { "code": 71120021, "message": "Second reason" } ] }
            """));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.GetJobAsync("job-1"));

        Assert.Equal(
            [new ZuoraErrorDetail("71120020", "Job is not pending"), new ZuoraErrorDetail("71120021", "Second reason")],
            exception.Errors);
        Assert.Equal(ZuoraFailureKind.Permanent, exception.Kind);
    }

    [Theory]
    [InlineData("""{ "Errors": [ { "Code": "50000040", "Message": "Legacy shape" } ] }""", "50000040", "Legacy shape")]
    [InlineData("""{ "error": { "code": "50000041", "message": "Nested" } }""", "50000041", "Nested")]
    [InlineData(
        """{ "error": "invalid_request", "error_description": "OAuth shape" }""", "invalid_request", "OAuth shape")]
    public void ParseErrors_OtherBodyShapes_ReadsCodeAndMessage(string body, string code, string message)
    {
        var errors = Http.ZuoraErrorReader.ParseErrors(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Contains(new ZuoraErrorDetail(code, message), errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>gateway error</html>")]
    [InlineData("[1, 2]")]
    public void ParseErrors_NotAnErrorObject_ReturnsNoErrors(string body)
    {
        var errors = Http.ZuoraErrorReader.ParseErrors(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task SubmitJobAsync_JobLimitCode_ReportsJobLimitReached()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(
            HttpStatusCode.BadRequest,
            $$"""{ "success": false, "reasons": [ { "code": "71130043", "message": "{{JobLimitMessage}}" } ] }"""));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Equal(ZuoraFailureKind.JobLimitReached, exception.Kind);
        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task SubmitJobAsync_JobLimitMessageWithOtherCode_ReportsJobLimitReached()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(
            HttpStatusCode.BadRequest,
            """{ "code": "71130099", "message": "You hit the CONCURRENT job LIMIT" }"""));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Equal(ZuoraFailureKind.JobLimitReached, exception.Kind);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, ZuoraFailureKind.NotFound)]
    [InlineData(HttpStatusCode.RequestTimeout, ZuoraFailureKind.Transient)]
    [InlineData(HttpStatusCode.Forbidden, ZuoraFailureKind.Unauthorized)]
    [InlineData(HttpStatusCode.Conflict, ZuoraFailureKind.Permanent)]
    public async Task CancelJobAsync_ErrorStatus_ReportsKind(HttpStatusCode status, ZuoraFailureKind kind)
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(status, "{}"));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.CancelJobAsync("job-1"));

        Assert.Equal(kind, exception.Kind);
        Assert.Equal(status, exception.StatusCode);
    }

    [Fact]
    public async Task SubmitJobAsync_ServerError_ReportsTransient()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(
            RecordingHandler.Json(HttpStatusCode.InternalServerError, """{ "message": "boom" }"""));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task SubmitJobAsync_ConnectionDropped_ReportsTransientWithoutStatus()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => throw new HttpRequestException("connection reset");

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Null(exception.StatusCode);
        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.IsType<HttpRequestException>(exception.InnerException);
    }

    [Fact]
    public async Task GetJobAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var host = new ZuoraTestHost();
        using var cancellation = new CancellationTokenSource();
        host.Handler.Respond = async (_, ct) =>
        {
            await cancellation.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "pending"));
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Client.GetJobAsync("job-1", cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task SubmitJobAsync_RateLimited_ReportsRetryAfter()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) =>
        {
            var response = RecordingHandler.Json(HttpStatusCode.TooManyRequests, """{ "message": "slow down" }""");
            response.Headers.Add("Retry-After", "7");
            return Task.FromResult(response);
        };

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
    }

    [Fact]
    public async Task GetDefinitionAsync_NotFound_ReturnsNull()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(
            HttpStatusCode.NotFound,
            """{ "success": false, "reasons": [ { "code": "71000040", "message": "nope" } ] }"""));

        var definition = await host.Client.GetDefinitionAsync("unicorn");

        Assert.Null(definition);
        Assert.Equal("/objects/definitions/default/unicorn", Assert.Single(host.Handler.ApiRequests).PathAndQuery);
    }

    private const string Schema =
        """
        { "object": "vehicle", "properties": { "make__c": { "type": "string", "maxLength": 64 } },
          "required": ["make__c"] }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetDefinitionAsync_EitherShape_ReadsSchema(bool wrapped)
    {
        var body = wrapped ? $$"""{ "id": "d1", "type": "vehicle", "schema": {{Schema}} }""" : Schema;
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, body));

        var definition = await host.Client.GetDefinitionAsync("vehicle");

        Assert.NotNull(definition);
        Assert.Equal("vehicle", definition.ObjectName);
        Assert.Equal(64, definition.Properties["make__c"].MaxLength);
        Assert.Equal(["make__c"], definition.Required);
    }

    private static HttpResponseMessage WithRequestId(HttpResponseMessage response)
    {
        response.Headers.Add("Zuora-Request-Id", "req-123");
        return response;
    }
}
