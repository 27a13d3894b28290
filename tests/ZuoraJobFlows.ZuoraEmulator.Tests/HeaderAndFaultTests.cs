using System.Net;
using ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class HeaderAndFaultTests
{
    [Fact]
    public async Task Response_CarriesNewRequestIdAndEchoedTrackId()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var first = new HttpRequestMessage(HttpMethod.Get, "objects/jobs");
        first.Headers.Add("Zuora-Track-Id", "import-42");

        using var one = await session.Http.SendAsync(first);
        using var two = await session.Http.GetAsync("objects/jobs");

        var idOne = Assert.Single(one.Headers.GetValues("Zuora-Request-Id"));
        var idTwo = Assert.Single(two.Headers.GetValues("Zuora-Request-Id"));
        Assert.NotEqual(idOne, idTwo);
        Assert.Equal("import-42", Assert.Single(one.Headers.GetValues("Zuora-Track-Id")));
        Assert.False(two.Headers.Contains("Zuora-Track-Id"));
        Assert.True(one.Headers.Contains("RateLimit-Limit"));
        Assert.True(one.Headers.Contains("RateLimit-Remaining"));
        Assert.True(one.Headers.Contains("RateLimit-Reset"));
    }

    [Fact]
    public async Task Request_InvalidTrackId_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "objects/jobs");
        request.Headers.TryAddWithoutValidation("Zuora-Track-Id", "has:colon");

        using var response = await session.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Requests_OverPerMinuteLimit_Return429WithHeaders()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.RequestsPerMinute = 3);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await session.Http.GetAsync("objects/jobs");
            statuses.Add(last.StatusCode);
        }

        using var limited = last!;
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            statuses);
        Assert.True(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds is >= 1 and <= 60);
        Assert.Equal("3", Assert.Single(limited.Headers.GetValues("RateLimit-Limit")));
        Assert.Equal("0", Assert.Single(limited.Headers.GetValues("RateLimit-Remaining")));
        Assert.Equal(ErrorCodes.RateLimited, await EmulatorSession.FirstReasonCodeAsync(limited));
    }

    [Fact]
    public async Task FaultRateOne_AnswersServerErrorsWithoutSideEffects()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.FaultRate = 1);

        using var get = await session.Http.GetAsync("objects/jobs");
        using var submit = await session.SubmitAsync("create");
        session.Server.Options.FaultRate = 0;
        using var healed = await session.Http.GetAsync("objects/jobs");

        Assert.True((int)get.StatusCode is 500 or 503);
        Assert.True((int)submit.StatusCode is 500 or 503);
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
        Assert.Equal(0, session.Server.JobsCreated);
    }

    [Fact]
    public async Task DropAfterUpload_ConnectionFailsButFileIsProcessed()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.DropAfterUpload = true);
        var id = await session.SubmitOkAsync("create");

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Golf,V1\n"));
        var job = await session.WaitForEndAsync(id);

        Assert.Equal("completed", job["status"]!.GetValue<string>());
        Assert.Equal(1, session.Server.RecordCount("vehicle"));
    }

    [Fact]
    public async Task DropUploadRateOne_ConnectionFailsAndJobStaysPending()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.DropUploadRate = 1);
        var id = await session.SubmitOkAsync("create");

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Golf,V1\n"));

        Assert.Equal("pending", session.Server.JobStatus(id));
        Assert.Equal(0, session.Server.RecordCount("vehicle"));
    }
}
