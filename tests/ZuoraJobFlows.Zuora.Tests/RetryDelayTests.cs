using System.Net;
using System.Net.Http.Headers;
using Polly;
using ZuoraJobFlows.Zuora.Http;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Fact]
    public void ServerDelay_RetryAfterDate_WaitsUntilThatDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(12));

        var delay = ZuoraResiliencePipeline.ServerDelay(Outcome.FromResult(response), Now, Cap);

        Assert.Equal(TimeSpan.FromSeconds(12), delay);
    }

    [Fact]
    public void ServerDelay_RetryAfterAndRateLimitReset_PrefersRetryAfter()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", "4");
        response.Headers.Add("RateLimit-Reset", "9");

        var delay = ZuoraResiliencePipeline.ServerDelay(Outcome.FromResult(response), Now, Cap);

        Assert.Equal(TimeSpan.FromSeconds(4), delay);
    }

    [Fact]
    public void ServerDelay_LongerThanCap_IsCapped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.Add("Retry-After", "3600");

        var delay = ZuoraResiliencePipeline.ServerDelay(Outcome.FromResult(response), Now, Cap);

        Assert.Equal(Cap, delay);
    }

    [Fact]
    public void ServerDelay_DateInThePast_IsZero()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-5));

        var delay = ZuoraResiliencePipeline.ServerDelay(Outcome.FromResult(response), Now, Cap);

        Assert.Equal(TimeSpan.Zero, delay);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void ServerDelay_NoUsableHeader_LeavesBackOffToThePipeline(string? rateLimitReset)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        if (rateLimitReset is not null)
        {
            response.Headers.TryAddWithoutValidation("RateLimit-Reset", rateLimitReset);
        }

        var delay = ZuoraResiliencePipeline.ServerDelay(Outcome.FromResult(response), Now, Cap);

        Assert.Null(delay);
    }

    [Fact]
    public void ServerDelay_ServerErrorWithOnlyRateLimitReset_LeavesBackOffToThePipeline()
    {
        // RateLimit-Reset is on every answer; on a 503 it says when the window ends, not how long to wait.
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.Add("RateLimit-Remaining", "999");
        response.Headers.Add("RateLimit-Reset", "58");

        var delay = ZuoraResiliencePipeline.ServerDelay(Outcome.FromResult(response), Now, Cap);

        Assert.Null(delay);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "5")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "0")]
    public void ServerDelay_RateLimitHitWithRateLimitReset_WaitsForTheWindow(HttpStatusCode status, string remaining)
    {
        using var response = new HttpResponseMessage(status);
        response.Headers.Add("RateLimit-Remaining", remaining);
        response.Headers.Add("RateLimit-Reset", "9");

        var delay = ZuoraResiliencePipeline.ServerDelay(Outcome.FromResult(response), Now, Cap);

        Assert.Equal(TimeSpan.FromSeconds(9), delay);
    }

    [Theory]
    [InlineData("GET", HttpStatusCode.ServiceUnavailable, true)]
    [InlineData("GET", HttpStatusCode.TooManyRequests, true)]
    [InlineData("GET", HttpStatusCode.BadRequest, false)]
    [InlineData("POST", HttpStatusCode.ServiceUnavailable, false)]
    [InlineData("PATCH", HttpStatusCode.TooManyRequests, false)]
    public void ShouldRetry_MethodAndStatus_RetriesTransientGetsOnly(
        string method, HttpStatusCode status, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://zuora.test/objects/jobs");
        using var response = new HttpResponseMessage(status) { RequestMessage = request };
        var context = ResilienceContextPool.Shared.Get();

        var retry = ZuoraResiliencePipeline.ShouldRetry(context, Outcome.FromResult(response));

        ResilienceContextPool.Shared.Return(context);
        Assert.Equal(expected, retry);
    }
}
