using Xunit.Abstractions;

namespace ZuoraJobFlows.Local.Tests;

public sealed class RestartEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(45);

    // Work the stopped runner held comes back only after its queue visibility timeout (1 minute for activities).
    private static readonly TimeSpan TakeoverTimeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Runner_StoppedWhileRunWaitsOnZuora_FinishesAfterRestartWithOneJob()
    {
        // 12 records at 4 per second keep the Zuora job in progress for about 3 seconds.
        await using var world = await RunnerTestContext.CreateAsync(output, emulator => emulator.RecordsPerSecond = 4);
        await world.StartRunnerAsync();
        var csv = VehicleCsv.Create(goodRecords: 10);
        var (blobName, eTag) = await world.UploadAsync("create/vehicle/restart.csv", csv.ToBytes());
        await WaitFor.ConditionAsync(
            () => Task.FromResult(world.Emulator.JobIds.Count == 1 ? world.Emulator.JobStatus(world.Emulator.JobIds[0])
                : null),
            status => status == "in_progress", RunTimeout, "the Zuora job to be in progress");

        await world.StopRunnerAsync();
        await world.StartRunnerAsync();
        var summary = await world.WaitForSummaryAsync(blobName, world.RunIdFor(blobName, eTag), TakeoverTimeout);

        Assert.Equal("CompletedWithErrors", summary.GetProperty("status").GetString());
        Assert.Equal(1, world.Emulator.JobsCreated);
        Assert.Equal(1, world.Emulator.WholeFilesReceived(world.Emulator.JobIds[0]));
        Assert.Equal(csv.GoodVins.Order(),
            world.Emulator.Records("vehicle").Select(record => record["vin__c"].ToString()).Order());
    }
}
