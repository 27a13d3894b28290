using Xunit.Abstractions;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>
/// One kill trial of scripts/trial-kill.sh: <c>zjf serve</c> as a child process killed (SIGKILL) in the middle of a
/// multi-chunk run, then started again.
/// </summary>
public sealed class KillTrialTests(ITestOutputHelper output)
{
    // Work a stopped or cut-off runner held comes back only after its queue visibility timeout (1 minute for
    // activities), and later still on a loaded machine.
    private static readonly TimeSpan TakeoverTimeout = TimeSpan.FromSeconds(150);

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(80);

    [Fact]
    public async Task Serve_KilledAfterFirstZuoraJobOfMultiChunkRun_CompletesWithOneJobPerChunkAndEachRecordOnce()
    {
        // About 72 KB in 12 KB chunks: 6 chunks, more than the 5 jobs Zuora allows at once; at 150 records per
        // second each job stays in progress for a little over a second.
        await using var world = await RunnerTestContext.CreateAsync(output,
            emulator => emulator.RecordsPerSecond = 150,
            new Dictionary<string, string?> { ["Imports:MaxChunkBytes"] = "12288" });
        var csv = VehicleCsv.Create(goodRecords: 1200, prefix: "K");
        var serve = ServeProcess.Start(world.Configuration, output);
        try
        {
            var (blobName, eTag) = await world.UploadAsync("create/vehicle/kill-trial.csv", csv.ToBytes());
            await WaitFor.ConditionAsync(() => Task.FromResult<int?>(world.Emulator.JobsCreated), jobs => jobs >= 1,
                RunTimeout, "the first Zuora job");

            await serve.KillAsync();
            await serve.DisposeAsync();
            serve = ServeProcess.Start(world.Configuration, output);
            var summary = await world.WaitForSummaryAsync(blobName, world.RunIdFor(blobName, eTag), TakeoverTimeout);

            var chunks = summary.GetProperty("jobs").EnumerateArray()
                .Select(job => job.GetProperty("chunk").GetInt32()).Distinct().Count();
            Assert.Equal("CompletedWithErrors", summary.GetProperty("status").GetString());
            Assert.Equal(csv.BadRows.Count, summary.GetProperty("failedRecords").GetInt32());
            Assert.True(chunks > 5, $"expected more chunks than the 5-job limit, got {chunks}");
            Assert.Equal(chunks, world.Emulator.JobsCreated);
            Assert.All(world.Emulator.JobIds, id => Assert.Equal(1, world.Emulator.WholeFilesReceived(id)));
            Assert.Equal(csv.GoodVins.Order(),
                world.Emulator.Records("vehicle").Select(record => record["vin__c"].ToString()).Order());
        }
        finally
        {
            await serve.DisposeAsync();
        }
    }
}
