using System.Net;
using Microsoft.Extensions.Time.Testing;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class TokenTests
{
    [Fact]
    public async Task GetJobAsync_FirstCall_RequestsTokenWithClientCredentials()
    {
        using var host = new ZuoraTestHost();

        await host.Client.GetJobAsync("job-1");

        var token = host.Handler.Requests[0];
        Assert.Equal(HttpMethod.Post, token.Method);
        Assert.Equal("/oauth/token", token.PathAndQuery);
        Assert.Equal(
            $"grant_type=client_credentials&client_id=client-id&client_secret={ZuoraTestHost.ClientSecret}",
            token.Body);
    }

    [Fact]
    public async Task GetJobAsync_ManyCalls_ReuseOneToken()
    {
        using var host = new ZuoraTestHost(time: new FakeTimeProvider());

        for (var i = 0; i < 3; i++)
        {
            await host.Client.GetJobAsync("job-1");
        }

        Assert.Equal(1, host.Handler.TokenRequests);
        Assert.All(host.Handler.ApiRequests, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task GetJobAsync_TokenWithinRefreshMargin_FetchesNewToken()
    {
        var time = new FakeTimeProvider();
        using var host = new ZuoraTestHost(o => o.TokenRefreshMargin = TimeSpan.FromSeconds(60), time);
        await host.Client.GetJobAsync("job-1");

        time.Advance(TimeSpan.FromSeconds(3600 - 60));
        await host.Client.GetJobAsync("job-1");

        Assert.Equal(2, host.Handler.TokenRequests);
        Assert.Equal("Bearer token-2", host.Handler.ApiRequests[^1].Header("Authorization"));
    }

    [Fact]
    public async Task GetJobAsync_TokenBeforeRefreshMargin_KeepsToken()
    {
        var time = new FakeTimeProvider();
        using var host = new ZuoraTestHost(o => o.TokenRefreshMargin = TimeSpan.FromSeconds(60), time);
        await host.Client.GetJobAsync("job-1");

        time.Advance(TimeSpan.FromSeconds(3600 - 61));
        await host.Client.GetJobAsync("job-1");

        Assert.Equal(1, host.Handler.TokenRequests);
    }

    [Fact]
    public async Task GetJobAsync_ShortLivedToken_IsReusedForHalfItsLifetime()
    {
        var time = new FakeTimeProvider();
        using var host = new ZuoraTestHost(o => o.TokenRefreshMargin = TimeSpan.FromSeconds(60), time);
        host.Handler.TokenLifetimeSeconds = 10;
        await host.Client.GetJobAsync("job-1");

        time.Advance(TimeSpan.FromSeconds(4));
        await host.Client.GetJobAsync("job-1");
        time.Advance(TimeSpan.FromSeconds(1));
        await host.Client.GetJobAsync("job-1");

        Assert.Equal(2, host.Handler.TokenRequests);
    }

    [Fact]
    public async Task GetJobAsync_TokenRefused_RefreshesOnceAndSendsAgain()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (request, _) => Task.FromResult(
            request.Headers.Authorization!.Parameter == "token-1"
                ? RecordingHandler.Json(HttpStatusCode.Unauthorized, """{ "message": "expired" }""")
                : RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "pending")));

        var job = await host.Client.GetJobAsync("job-1");

        Assert.Equal("job-1", job.Id);
        Assert.Equal(2, host.Handler.TokenRequests);
        Assert.Equal(
            ["Bearer token-1", "Bearer token-2"],
            host.Handler.ApiRequests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task SubmitJobAsync_RefusedTwice_ThrowsUnauthorizedAfterOneRefresh()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.Unauthorized, "{}"));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create)));

        Assert.Equal(ZuoraFailureKind.Unauthorized, exception.Kind);
        Assert.Equal(2, host.Handler.TokenRequests);
        Assert.Equal(2, host.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task SubmitJobAsync_TokenRefused_SendsSameBodyAgain()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (request, _) => Task.FromResult(
            request.Headers.Authorization!.Parameter == "token-1"
                ? RecordingHandler.Json(HttpStatusCode.Unauthorized, "{}")
                : RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "accepted")));

        await host.Client.SubmitJobAsync(new BulkJobRequest("vehicle", BulkJobOperation.Create));

        var bodies = host.Handler.ApiRequests.Select(r => r.Body).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Contains("\"vehicle\"", bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJobAsync_TwentyConcurrentCalls_RequestOneToken()
    {
        using var host = new ZuoraTestHost();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Handler.RespondToToken = async (_, _) =>
        {
            await release.Task;
            return host.Handler.IssueToken();
        };

        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(() => host.Client.GetJobAsync("job-1"))).ToList();
        await Eventually.TrueAsync(() => host.Handler.TokenRequests == 1, "the token request");
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(1, host.Handler.TokenRequests);
        Assert.Equal(20, host.Handler.ApiRequests.Count);
    }

    [Fact]
    public async Task GetJobAsync_ConcurrentCallsRefusedSameToken_RefreshOnce()
    {
        using var host = new ZuoraTestHost();
        await host.Client.GetJobAsync("job-1");
        var refused = 0;
        var allRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Handler.Respond = async (request, _) =>
        {
            if (request.Headers.Authorization!.Parameter != "token-1")
            {
                return RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "pending"));
            }

            // Hold every refusal until all ten callers have been refused with the same token.
            if (Interlocked.Increment(ref refused) == 10)
            {
                allRefused.SetResult();
            }

            await allRefused.Task;
            return RecordingHandler.Json(HttpStatusCode.Unauthorized, "{}");
        };

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => host.Client.GetJobAsync("job-1"))));

        Assert.Equal(2, host.Handler.TokenRequests);
    }

    [Fact]
    public async Task GetJobAsync_CredentialsRefused_ThrowsUnauthorizedWithoutSecret()
    {
        using var host = new ZuoraTestHost();
        host.Handler.RespondToToken = (_, _) => Task.FromResult(RecordingHandler.Json(
            HttpStatusCode.BadRequest, """{ "error": "invalid_client", "error_description": "Bad credentials" }"""));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(() => host.Client.GetJobAsync("job-1"));

        Assert.Equal(ZuoraFailureKind.Unauthorized, exception.Kind);
        Assert.Contains("invalid_client", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ZuoraTestHost.ClientSecret, exception.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Handler.ApiRequests);
    }
}
