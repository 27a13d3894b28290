using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class UploadFormatTests
{
    [Fact]
    public async Task Upload_PartWithOtherName_Returns400Malformed()
    {
        await using var session = await EmulatorSession.StartAsync();
        var id = await session.SubmitOkAsync("create");
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes("make__c\nVW\n"));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent { { part, "data", "a.csv" } };

        using var response = await session.Http.PostAsync($"objects/jobs/{id}/files", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.UploadMalformed, await EmulatorSession.FirstReasonCodeAsync(response));
        Assert.Equal("pending", session.Server.JobStatus(id));
    }

    [Fact]
    public async Task Upload_FilePartNotCsv_Returns400Malformed()
    {
        await using var session = await EmulatorSession.StartAsync();
        var id = await session.SubmitOkAsync("create");
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes("make__c\nVW\n"));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var form = new MultipartFormDataContent { { part, "file", "a.csv" } };

        using var response = await session.Http.PostAsync($"objects/jobs/{id}/files", form);

        Assert.Equal(ErrorCodes.UploadMalformed, await EmulatorSession.FirstReasonCodeAsync(response));
    }

    [Fact]
    public async Task Upload_ToDeleteJob_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.JobStartDelay = TimeSpan.FromMinutes(1));
        var filter = new JsonObject
        {
            ["conditions"] = new JsonArray(
                new JsonObject { ["field"] = "make__c", ["operator"] = "EQ", ["value"] = "VW" }),
        };
        var id = await session.SubmitOkAsync("delete", filter: filter);

        using var response = await session.UploadAsync(id, "make__c\nVW\n");

        Assert.Equal(ErrorCodes.JobTakesNoFile, await EmulatorSession.FirstReasonCodeAsync(response));
    }

    [Fact]
    public async Task Submit_FilterOnFieldNotFilterable_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        var filter = new JsonObject
        {
            ["conditions"] = new JsonArray(
                new JsonObject { ["field"] = "color__c", ["operator"] = "EQ", ["value"] = "red" }),
        };

        using var response = await session.SubmitAsync("delete", filter: filter);

        Assert.Equal(ErrorCodes.JobInvalidFilter, await EmulatorSession.FirstReasonCodeAsync(response));
    }

    [Fact]
    public async Task Submit_FilterValueOfWrongType_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        var filter = new JsonObject
        {
            ["conditions"] = new JsonArray(
                new JsonObject { ["field"] = "year__c", ["operator"] = "GT", ["value"] = "new" }),
        };

        using var response = await session.SubmitAsync("delete", filter: filter);

        Assert.Equal(ErrorCodes.JobInvalidFilter, await EmulatorSession.FirstReasonCodeAsync(response));
    }

    [Fact]
    public async Task Latency_IsAddedToEveryRequest()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Server.Options.Latency = TimeSpan.FromMilliseconds(150);
        var watch = Stopwatch.StartNew();

        using var response = await session.Http.GetAsync("objects/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(140));
    }

    [Fact]
    public async Task Errors_UnknownJob_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.GetAsync("objects/jobs/none/errors");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ErrorCodes.JobNotFound, await EmulatorSession.FirstReasonCodeAsync(response));
    }

    [Fact]
    public async Task Create_EmptyFile_JobFails()
    {
        await using var session = await EmulatorSession.StartAsync();

        var job = await session.RunAsync("create", string.Empty);

        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Equal(ErrorCodes.JobFileMalformed, job["error"]!["code"]!.GetValue<string>());
    }
}
