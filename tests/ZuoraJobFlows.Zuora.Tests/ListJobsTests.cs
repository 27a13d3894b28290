using System.Net;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class ListJobsTests
{
    [Fact]
    public async Task ListJobsAsync_ThreePages_FollowsCursorToTheEnd()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (request, _) =>
        {
            var query = request.RequestUri!.Query;
            var body = query.Contains("cursor=job-2", StringComparison.Ordinal) ? Page(null, "job-3")
                : query.Contains("cursor=job-1", StringComparison.Ordinal) ? Page("job-2", "job-2")
                : Page("job-1", "job-1");
            return Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, body));
        };

        var jobs = await host.Client.ListJobsAsync(new BulkJobListQuery { PageSize = 1 }).ToListAsync();

        Assert.Equal(["job-1", "job-2", "job-3"], jobs.Select(j => j.Id));
        Assert.Equal(
            [
                "/objects/jobs?pageSize=1",
                "/objects/jobs?pageSize=1&cursor=job-1",
                "/objects/jobs?pageSize=1&cursor=job-2",
            ],
            host.Handler.ApiRequests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ListJobsAsync_StatusFilter_SendsWireName()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, Page(null)));

        var jobs = await host.Client.ListJobsAsync(new BulkJobListQuery { Status = BulkJobStatus.InProgress })
            .ToListAsync();

        Assert.Empty(jobs);
        Assert.Equal("/objects/jobs?status=in_progress", Assert.Single(host.Handler.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task ListJobsAsync_ServerRepeatsCursor_Stops()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (_, _) =>
            Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, Page("same", "job-1")));

        var jobs = await host.Client.ListJobsAsync().ToListAsync();

        Assert.Equal(2, jobs.Count);
        Assert.Equal(2, host.Handler.ApiRequests.Count);
    }

    private static string Page(string? cursor, params string[] ids)
    {
        var jobs = string.Join(",", ids.Select(id => RecordingHandler.JobJson(id, "completed")));
        var cursorJson = cursor is null ? string.Empty : $"\"cursor\": \"{cursor}\", ";
        return $$"""{ "count": {{ids.Length}}, {{cursorJson}}"jobs": [{{jobs}}] }""";
    }
}
