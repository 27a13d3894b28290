using System.Net;
using Microsoft.Extensions.Time.Testing;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class RetryTests
{
    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task GetJobAsync_TransientThenOk_RetriesAndSucceeds(HttpStatusCode status)
    {
        using var host = new ZuoraTestHost();
        var attempts = 0;
        host.Handler.Respond = (_, _) => Task.FromResult(Interlocked.Increment(ref attempts) == 1
            ? RecordingHandler.Json(status, "{}")
            : RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "completed")));

        var job = await host.Client.GetJobAsync("job-1");

        Assert.Equal(BulkJobStatus.Completed, job.Status);
        Assert.Equal(2, host.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task GetJobAsync_AlwaysUnavailable_StopsAfterMaxGetRetries()
    {
        using var host = new ZuoraTestHost(o => o.MaxGetRetries = 3);
        host.Handler.Respond = (_, _) =>
            Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.GetJobAsync("job-1"));

        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.Equal(4, host.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task GetJobAsync_ConnectionDroppedOnce_Retries()
    {
        using var host = new ZuoraTestHost();
        var attempts = 0;
        host.Handler.Respond = (_, _) => Interlocked.Increment(ref attempts) == 1
            ? throw new HttpRequestException("connection reset")
            : Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "pending")));

        await host.Client.GetJobAsync("job-1");

        Assert.Equal(2, host.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task GetJobAsync_BadRequest_IsNotRetried()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.BadRequest, "{}"));

        await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.GetJobAsync("job-1"));

        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task SubmitJobAsync_ServiceUnavailable_IsNotRetried()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) =>
            Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.True(exception.IsTransient);
        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task SubmitJobAsync_ConnectionDropped_IsNotRetried()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => throw new HttpRequestException("connection reset");

        await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task CancelJobAsync_ServiceUnavailable_IsNotRetried()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) =>
            Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));

        await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.CancelJobAsync("job-1"));

        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task UploadFileAsync_ServiceUnavailable_IsNotRetried()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) =>
            Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        using var file = new MemoryStream("a\n1\n"u8.ToArray());

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.UploadFileAsync("job-1", file, "a.csv"));

        Assert.True(exception.IsTransient);
        Assert.Single(host.Handler.ApiRequests);
    }

    [Fact]
    public async Task GetJobAsync_RetryAfterSeconds_WaitsThatLongBeforeRetrying()
    {
        var time = new FakeTimeProvider();
        using var host = new ZuoraTestHost(time: time);
        host.Handler.Respond = RateLimitedOnce(response => response.Headers.Add("Retry-After", "7"));

        var call = host.Client.GetJobAsync("job-1");
        await Eventually.TrueAsync(() => RetryDelays(host).Count == 1, "the retry to be scheduled");
        time.Advance(TimeSpan.FromSeconds(6.9));
        var beforeDelay = host.Handler.ApiRequests.Count;
        time.Advance(TimeSpan.FromSeconds(0.2));
        await call;

        Assert.Equal(7000, RetryDelays(host)[0]);
        Assert.Equal(1, beforeDelay);
        Assert.Equal(2, host.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task GetJobAsync_RateLimitReset_WaitsThatLongBeforeRetrying()
    {
        var time = new FakeTimeProvider();
        using var host = new ZuoraTestHost(time: time);
        host.Handler.Respond = RateLimitedOnce(response => response.Headers.Add("RateLimit-Reset", "3"));

        var call = host.Client.GetJobAsync("job-1");
        await Eventually.TrueAsync(() => RetryDelays(host).Count == 1, "the retry to be scheduled");
        time.Advance(TimeSpan.FromSeconds(3));
        await call;

        Assert.Equal(3000, RetryDelays(host)[0]);
        Assert.Equal(2, host.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task UploadFileAsync_SlowerThanAttemptTimeout_IsNotCutOff()
    {
        using var host = new ZuoraTestHost(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(50));
        host.Handler.Respond = async (_, ct) =>
        {
            await Task.Delay(300, ct);
            return RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "in_progress"));
        };
        using var file = new MemoryStream("a\n1\n"u8.ToArray());

        var job = await host.Client.UploadFileAsync("job-1", file, "a.csv");

        Assert.Equal(BulkJobStatus.InProgress, job.Status);
    }

    [Fact]
    public async Task GetJobAsync_SlowerThanAttemptTimeout_FailsTransientWithoutStatus()
    {
        using var host = new ZuoraTestHost(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxGetRetries = 1;
        });
        host.Handler.Respond = async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "pending"));
        };

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.GetJobAsync("job-1"));

        Assert.Null(exception.StatusCode);
        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.Equal(2, host.Handler.ApiRequests.Count);
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> RateLimitedOnce(
        Action<HttpResponseMessage> addHeaders)
    {
        var attempts = 0;
        return (_, _) =>
        {
            if (Interlocked.Increment(ref attempts) > 1)
            {
                return Task.FromResult(
                    RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "pending")));
            }

            var response = RecordingHandler.Json(HttpStatusCode.TooManyRequests, "{}");
            addHeaders(response);
            return Task.FromResult(response);
        };
    }

    private static List<double> RetryDelays(ZuoraTestHost host) =>
        [.. host.Logs.GetSnapshot()
            .Where(r => r.Id.Id == 1030)
            .Select(r => double.Parse(
                r.StructuredState!.First(p => p.Key == "DelayMs").Value!,
                System.Globalization.CultureInfo.InvariantCulture))];
}
