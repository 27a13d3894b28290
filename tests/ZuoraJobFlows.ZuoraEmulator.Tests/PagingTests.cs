using System.Net;
using ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task ListJobs_PagesWithCursorOfLastJob()
    {
        await using var session = await EmulatorSession.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = await session.SubmitOkAsync("create");
            using var cancel = await session.Http.PatchAsync($"objects/jobs/{id}/cancel", null);
            ids.Add(id);
        }

        var first = await session.GetJsonAsync("objects/jobs?pageSize=2");
        var cursor = first["cursor"]!.GetValue<string>();
        var second = await session.GetJsonAsync($"objects/jobs?pageSize=2&cursor={cursor}");
        var third = await session.GetJsonAsync($"objects/jobs?pageSize=2&cursor={second["cursor"]}");

        Assert.Equal(ids[1], cursor);
        Assert.Equal(2, first["count"]!.GetValue<int>());
        Assert.Equal([ids[2], ids[3]], second["jobs"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()));
        Assert.Equal(1, third["count"]!.GetValue<int>());
        Assert.Null(third["cursor"]);
    }

    [Fact]
    public async Task ListJobs_StatusFilterAndBadPageSize()
    {
        await using var session = await EmulatorSession.StartAsync();
        var kept = await session.SubmitOkAsync("create");
        var cancelled = await session.SubmitOkAsync("create");
        using var cancel = await session.Http.PatchAsync($"objects/jobs/{cancelled}/cancel", null);

        var pending = await session.GetJsonAsync("objects/jobs?status=pending");
        using var tooBig = await session.Http.GetAsync("objects/jobs?pageSize=101");

        Assert.Equal(kept, Assert.Single(pending["jobs"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task ListRecords_PagesUntilCursorIsAbsent()
    {
        await using var session = await EmulatorSession.StartAsync();
        var rows = string.Concat(Enumerable.Range(0, 7).Select(i => $"VW,Golf,V{i}\n"));
        await session.RunAsync("create", "make__c,model__c,vin__c\n" + rows);

        var vins = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await session.GetJsonAsync($"objects/records/default/vehicle?pageSize=3&cursor={cursor}");
            vins.AddRange(page["records"]!.AsArray().Select(r => r!["vin__c"]!.GetValue<string>()));
            cursor = page["cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"V{i}"), vins);
    }

    [Fact]
    public async Task ListRecords_UnknownObject_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Http.GetAsync("objects/records/default/spaceship");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
