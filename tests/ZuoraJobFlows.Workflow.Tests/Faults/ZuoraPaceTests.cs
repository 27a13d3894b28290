using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Workflow.Tests.EndToEnd;

namespace ZuoraJobFlows.Workflow.Tests.Faults;

/// <summary>Zuora's limits on pace: the 5-job limit, rate limits, and jobs that take long.</summary>
public sealed class ZuoraPaceTests
{
    [Fact]
    public async Task Import_EightFilesAgainstFiveJobLimit_AllCompleteNeverMoreThanFiveActive()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(o => o.RecordsPerSecond = 10);
        var blobs = new List<UploadedBlob>();
        for (var i = 0; i < 8; i++)
        {
            blobs.Add(await host.UploadAsync($"create/vehicle/file-{i}.csv", VehicleCsv.Create(15, $"F{i}")));
        }

        var ids = await Task.WhenAll(blobs.Select(host.StartFromEventAsync));
        var sawWaiting = false;
        await EndToEndWait.UntilAsync(async () =>
        {
            var done = 0;
            foreach (var id in ids)
            {
                var metadata = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
                sawWaiting |= metadata?.SerializedCustomStatus?.Contains("WaitingForSlot",
                    StringComparison.Ordinal) == true;
                done += metadata?.IsCompleted == true ? 1 : 0;
            }

            return done == ids.Length;
        }, TimeSpan.FromSeconds(90));
        var results = await Task.WhenAll(ids.Select(id => host.WaitForRunAsync(id)));

        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(8, host.Emulator.JobsCreated);
        Assert.InRange(host.Emulator.MaxActiveJobsSeen, 1, 5);
        Assert.Equal(8 * 15, host.Emulator.RecordCount("vehicle"));
        Assert.True(host.Requests.Count(r => r.Path.EndsWith("/objects/jobs", StringComparison.Ordinal)
            && r.Status == 400) > 0, "Zuora never refused a job for the limit.");
        Assert.True(sawWaiting, "No run said it was waiting for a Zuora slot.");
    }

    [Fact]
    public async Task Import_LongJob_ContinuesAsNewAndPollsBackOffToMaxDelay()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(
            o => o.RecordsPerSecond = 3,
            new Dictionary<string, string?> { ["Polling:PollsPerGeneration"] = "4" });

        var (result, jobIds) = await ZuoraFaultTests.ImportAsync(host, records: 12);

        Assert.Equal(RunStatus.Completed, result.Status);
        var job = await host.Client.GetInstanceAsync($"{ImportRunId(host)}:chunk:1", getInputsAndOutputs: true);
        var jobResult = job!.ReadOutputAs<BulkJobResult>()!;
        Assert.True(jobResult.Generations > 1, $"{jobResult.Generations} generation(s)");
        var polls = host.Requests.All
            .Where(r => r.Method == "GET" && r.Path.EndsWith(jobIds[0], StringComparison.Ordinal))
            .Select(r => r.At)
            .ToList();
        var gaps = polls.Zip(polls.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps.Count >= 4, $"{gaps.Count} gaps");
        Assert.All(gaps.TakeLast(3), g => Assert.InRange(g.TotalMilliseconds, 400, 2500));
        Assert.True(polls.Count <= 20, $"{polls.Count} polls for a job of about 4 s");
    }

    [Fact]
    public async Task Import_RateLimited_WaitsAsToldAndCompletes()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(
            o => o.RequestsPerMinute = 5,
            new Dictionary<string, string?> { ["Zuora:MaxRetryDelay"] = "00:01:30" });

        var (result, _) = await ZuoraFaultTests.ImportAsync(host, records: 3);

        Assert.Equal(RunStatus.Completed, result.Status);
        var requests = host.Requests.All.Where(r => r.Path.StartsWith("/objects", StringComparison.Ordinal)).ToList();
        var limited = requests.Where(r => r.Status == 429).ToList();
        Assert.NotEmpty(limited);
        Assert.True(limited.Count <= 3, $"{limited.Count} answers of 429: a tight loop");
        foreach (var refusal in limited)
        {
            var next = requests.FirstOrDefault(r => r.At > refusal.At);
            Assert.NotNull(next);
            Assert.True(next.At - refusal.At >= refusal.RetryAfter!.Value - TimeSpan.FromSeconds(1.5),
                $"Asked to wait {refusal.RetryAfter}, came back after {next.At - refusal.At}.");
        }

        Assert.Equal(3, host.Emulator.RecordCount("vehicle"));
    }

    private static string ImportRunId(EmulatorWorkflowHost host) =>
        ImportInstanceId.For(host.InputContainer, "create/vehicle/faults.csv",
            host.InputBlob("create/vehicle/faults.csv").GetProperties().Value.ETag.ToString());
}
