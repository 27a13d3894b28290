using System.Net;
using ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class JobLifecycleTests
{
    [Fact]
    public async Task Submit_SameIdempotencyKey_ReturnsSameJobWithoutNewOne()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var first = await session.SubmitAsync("create", idempotencyKey: "run-1-chunk-0");
        using var replay = await session.SubmitAsync("create", idempotencyKey: "run-1-chunk-0");

        var firstId = (await EmulatorSession.ReadJsonAsync(first))["id"]!.GetValue<string>();
        var replayId = (await EmulatorSession.ReadJsonAsync(replay))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(firstId, replayId);
        Assert.Equal(1, session.Server.JobsCreated);
    }

    [Fact]
    public async Task Submit_SameKeyDifferentRequest_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var first = await session.SubmitAsync("create", idempotencyKey: "k");

        using var other = await session.SubmitAsync("update", idempotencyKey: "k");

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(ErrorCodes.JobIdempotencyMismatch, await EmulatorSession.FirstReasonCodeAsync(other));
    }

    [Fact]
    public async Task Upload_SameIdempotencyKey_ReplaysWithoutSecondFile()
    {
        await using var session = await EmulatorSession.StartAsync();
        var id = await session.SubmitOkAsync("create");
        using var first = await session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Golf,V1\n", "upload-1");

        using var replay = await session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Golf,V1\n", "upload-1");
        await session.WaitForEndAsync(id);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, session.Server.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Cancel_PendingJob_IsCancelled()
    {
        await using var session = await EmulatorSession.StartAsync();
        var id = await session.SubmitOkAsync("create");

        using var cancel = await session.Http.PatchAsync($"objects/jobs/{id}/cancel", null);

        var body = await EmulatorSession.ReadJsonAsync(cancel);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", body["status"]!.GetValue<string>());
        Assert.Equal(0, session.Server.ActiveJobs);
    }

    [Fact]
    public async Task Cancel_CompletedJob_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        var job = await session.RunAsync("create", "make__c,model__c,vin__c\nVW,Golf,V1\n");

        using var cancel = await session.Http.PatchAsync($"objects/jobs/{job["id"]}/cancel", null);

        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        Assert.Equal(ErrorCodes.JobNotCancellable, await EmulatorSession.FirstReasonCodeAsync(cancel));
    }

    [Fact]
    public async Task Processing_PausedByTinyRate_ResumesWhenPaceIsRaisedAtRunTime()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.RecordsPerSecond = 0.001);
        var id = await session.SubmitOkAsync("create");
        using var upload = await session.UploadAsync(id, "make__c,model__c,vin__c\nVW,Golf,V1\nVW,Polo,V2\nVW,Up,V3\n");
        var paused = await session.WaitForStatusAsync(id, "in_progress");

        session.Server.Options.RecordsPerSecond = 0;
        var done = await session.WaitForEndAsync(id);

        Assert.True(paused["recordsProcessed"]!.GetValue<long>() < 3);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(3, done["recordsProcessed"]!.GetValue<long>());
    }

    [Fact]
    public async Task Get_UnknownJob_Returns404WithCode()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.GetAsync("objects/jobs/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ErrorCodes.JobNotFound, await EmulatorSession.FirstReasonCodeAsync(response));
    }

    [Fact]
    public async Task Processing_SlowPace_IsObservedInProgressWithGrowingCount()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.RecordsPerSecond = 20);
        var id = await session.SubmitOkAsync("create");
        var rows = string.Concat(Enumerable.Range(0, 10).Select(i => $"VW,Golf,V{i}\n"));
        using var upload = await session.UploadAsync(id, "make__c,model__c,vin__c\n" + rows);

        var during = await session.GetJsonAsync($"objects/jobs/{id}");
        var done = await session.WaitForEndAsync(id);

        Assert.Equal("in_progress", during["status"]!.GetValue<string>());
        Assert.True(during["recordsProcessed"]!.GetValue<long>() < 10);
        Assert.Equal(10, done["recordsProcessed"]!.GetValue<long>());
        Assert.True(done["processingTime"]!.GetValue<long>() > 0);
        Assert.True(session.Server.StatusGets(id) >= 2);
    }
}
