using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Workflow.Tests.EndToEnd;

namespace ZuoraJobFlows.Workflow.Tests.Faults;

/// <summary>
/// Zuora failing the way networks and services fail, injected by the emulator and met by the real client: every
/// run completes with one job per chunk, each file uploaded once, and every good record created once.
/// </summary>
public sealed class ZuoraFaultTests
{
    private const int Records = 90;

    private static readonly Dictionary<string, string?> SmallChunks = new() { ["Imports:MaxChunkBytes"] = "2048" };

    [Fact]
    public async Task Import_ServerErrorBursts_CompletesWithOneJobAndOneUploadPerChunk()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(o => o.FaultRate = 0.3, SmallChunks);

        var (result, jobIds) = await ImportAsync(host);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.True(host.Requests.Count(r => r.Status >= 500) > 0, "No fault was injected.");
        AssertEachChunkOnce(host, jobIds);
    }

    [Fact]
    public async Task Import_ConnectionDroppedDuringUpload_RetriesAndCreatesEveryRecordOnce()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(o => o.DropUploadRate = 0.5, SmallChunks);

        var (result, jobIds) = await ImportAsync(host);

        Assert.True(result.Status == RunStatus.Completed, result.Reason);
        Assert.Equal(jobIds.Count, host.Emulator.JobsCreated);
        Assert.Equal(Records, host.Emulator.RecordCount("vehicle"));
        Assert.Equal(Records, host.Emulator.Records("vehicle").Select(r => r["vin__c"]).Distinct().Count());
    }

    [Fact]
    public async Task Import_ConnectionDroppedAfterZuoraGotTheFile_DoesNotUploadAgain()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(o => o.DropAfterUpload = true, SmallChunks);

        var (result, jobIds) = await ImportAsync(host);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.True(host.Requests.Count(r => r.Path.EndsWith("/files", StringComparison.Ordinal) && r.Status == 0)
            >= jobIds.Count, "Every upload's answer should have been lost.");
        AssertEachChunkOnce(host, jobIds);
    }

    [Fact]
    public async Task Import_TokenExpiresDuringRun_RefreshedAndRunUnaffected()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(o =>
        {
            o.TokenLifetime = TimeSpan.FromSeconds(1);
            o.RecordsPerSecond = 40;
        });

        var (result, jobIds) = await ImportAsync(host);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.True(host.Emulator.TokensIssued >= 2, $"{host.Emulator.TokensIssued} token(s) issued");
        Assert.True(host.Requests.Count(r => r.Status == 401) <= host.Emulator.TokensIssued,
            "More 401 answers than token refreshes.");
        AssertEachChunkOnce(host, jobIds);
    }

    [Fact]
    public async Task Import_ZuoraRefusesTheJob_FailsAtOnceWithZuoraCodeInSummary()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var http = new HttpClient { BaseAddress = host.Emulator.BaseUrl };
        host.Requests.BeforeSend = async request =>
        {
            // The object disappears between the inspection and the submit: Zuora answers 400 with its code.
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/objects/jobs",
                StringComparison.Ordinal)
                && host.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/objects/jobs",
                    StringComparison.Ordinal)) == 0)
            {
                var delete = new HttpRequestMessage(HttpMethod.Delete, "objects/definitions/default/vehicle");
                delete.Headers.Authorization = request.Headers.Authorization;
                (await http.SendAsync(delete)).EnsureSuccessStatusCode();
            }
        };
        var blob = await host.UploadAsync("create/vehicle/refused.csv", VehicleCsv.Create(3));

        var result = await host.WaitForRunAsync(await host.StartFromEventAsync(blob));

        Assert.Equal(RunStatus.Failed, result.Status);
        var summary = await host.ReadSummaryAsync(result);
        var error = summary.GetProperty("error");
        Assert.Matches("^[0-9]{8}$", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Contains(error.GetProperty("code").GetString()!, summary.GetProperty("reason").GetString());
        Assert.Equal(1, host.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/objects/jobs",
            StringComparison.Ordinal)));
        Assert.Equal(0, host.Emulator.JobsCreated);
        http.Dispose();
    }

    [Fact]
    public async Task Import_ZuoraRefusesTheFile_FailsWithoutRetryingTheUpload()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(o => o.MaxFileBytes = 100);
        var blob = await host.UploadAsync("create/vehicle/too-big.csv", VehicleCsv.Create(5));

        var result = await host.WaitForRunAsync(await host.StartFromEventAsync(blob));

        Assert.Equal(RunStatus.Failed, result.Status);
        var summary = await host.ReadSummaryAsync(result);
        Assert.Equal("71140020", summary.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, host.Requests.Count(r => r.Path.EndsWith("/files", StringComparison.Ordinal)));
        Assert.Equal(0, host.Emulator.RecordCount("vehicle"));
    }

    internal static async Task<(ImportRunResult Result, List<string> JobIds)> ImportAsync(
        EmulatorWorkflowHost host, string name = "create/vehicle/faults.csv", int records = Records)
    {
        var blob = await host.UploadAsync(name, VehicleCsv.Create(records));
        var result = await host.WaitForRunAsync(await host.StartFromEventAsync(blob), TimeSpan.FromSeconds(90));
        var summary = await host.ReadSummaryAsync(result);
        var jobIds = summary.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()!)
            .ToList();
        await host.AssertInputUnchangedAsync(blob);
        return (result, jobIds);
    }

    private static void AssertEachChunkOnce(EmulatorWorkflowHost host, List<string> jobIds)
    {
        Assert.Equal(jobIds.Count, host.Emulator.JobsCreated);
        Assert.All(jobIds, id => Assert.Equal(1, host.Emulator.UploadsReceived(id)));
        Assert.Equal(Records, host.Emulator.RecordCount("vehicle"));
    }
}
