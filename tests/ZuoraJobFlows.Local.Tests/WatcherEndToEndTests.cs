using Xunit.Abstractions;
using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Local.Tests;

public sealed class WatcherEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Watcher_CsvUploaded_ImportsGoodRecordsAndWritesResults()
    {
        await using var world = await RunnerTestContext.CreateAsync(output);
        await world.StartRunnerAsync();
        var csv = VehicleCsv.Create(goodRecords: 10);

        var (blobName, eTag) = await world.UploadAsync("create/vehicle/cars.csv", csv.ToBytes());
        var runId = world.RunIdFor(blobName, eTag);
        var summary = await world.WaitForSummaryAsync(blobName, runId, RunTimeout);

        Assert.Equal("CompletedWithErrors", summary.GetProperty("status").GetString());
        Assert.Equal(runId, summary.GetProperty("runId").GetString());
        Assert.Equal(2, summary.GetProperty("failedRecords").GetInt64());
        Assert.Equal(12, summary.GetProperty("input").GetProperty("records").GetInt64());
        Assert.Single(summary.GetProperty("jobs").EnumerateArray());

        var errors = await world.ReadResultAsync(blobName, runId, ResultPaths.ErrorsFileName);
        var errorLines = Lines(errors);
        Assert.StartsWith("row,code,message," + VehicleCsv.Header, errorLines[0], StringComparison.Ordinal);
        Assert.Equal(csv.BadRows.Select(bad => bad.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            errorLines.Skip(1).Select(line => line.Split(',')[0]));

        var retry = await world.ReadResultAsync(blobName, runId, ResultPaths.RetryFileName);
        Assert.Equal(Lines(csv.RetryCsv()), Lines(retry));

        var vins = world.Emulator.Records("vehicle").Select(record => record["vin__c"].ToString()).Order().ToList();
        Assert.Equal(csv.GoodVins.Order(), vins);
    }

    [Fact]
    public async Task Watcher_EmptyBlobFilledLater_RunsOnlyTheFilledVersionOnce()
    {
        await using var world = await RunnerTestContext.CreateAsync(output);
        await world.StartRunnerAsync();
        var csv = VehicleCsv.Create(goodRecords: 3);

        var (blobName, emptyETag) = await world.UploadAsync("create/vehicle/late.csv", []);
        await world.WaitForWatcherScansAsync(2);
        var (_, filledETag) = await world.UploadAsync(blobName, csv.ToBytes());
        var summary = await world.WaitForSummaryAsync(blobName, world.RunIdFor(blobName, filledETag), RunTimeout);

        Assert.Equal("CompletedWithErrors", summary.GetProperty("status").GetString());
        Assert.Null(await world.Runner!.Client.GetInstanceAsync(world.RunIdFor(blobName, emptyETag)));
        Assert.Equal(1, world.Emulator.JobsCreated);
    }

    [Fact]
    public async Task Watcher_BlobUploadedWhileRunnerWasDown_IsPickedUpAtStart()
    {
        await using var world = await RunnerTestContext.CreateAsync(output);
        var csv = VehicleCsv.Create(goodRecords: 4);
        var (blobName, eTag) = await world.UploadAsync("create/vehicle/while down.csv", csv.ToBytes());

        await world.StartRunnerAsync();
        var summary = await world.WaitForSummaryAsync(blobName, world.RunIdFor(blobName, eTag), RunTimeout);

        Assert.Equal(4, summary.GetProperty("recordsProcessed").GetInt64() - summary.GetProperty("failedRecords")
            .GetInt64());
        Assert.Equal(4, world.Emulator.RecordCount("vehicle"));
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
}
