using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using ZuoraJobFlows.Local.Hosting;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.ZuoraEmulator;

namespace ZuoraJobFlows.Local.Tests;

public sealed class AzuriteRestartTests(ITestOutputHelper output)
{
    // Work a stopped or cut-off runner held comes back only after its queue visibility timeout (1 minute for
    // activities), and later still on a loaded machine.
    private static readonly TimeSpan TakeoverTimeout = TimeSpan.FromSeconds(150);

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Runner_AzuriteRestartedWhileRunWaitsOnZuora_RecoversAndCompletesWithOneJob()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var emulator = await ZuoraEmulatorServer.StartAsync(options =>
        {
            // 12 records at 4 per second keep the Zuora job in progress for about 3 seconds.
            options.RecordsPerSecond = 4;
            options.JobStartDelay = TimeSpan.FromMilliseconds(50);
        });
        var configuration = LocalConfiguration.Build(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["DurableTask:HubName"] = TestStorage.UniqueName("hub"),
            ["Zuora:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Zuora:ClientId"] = emulator.ClientId,
            ["Zuora:ClientSecret"] = emulator.ClientSecret,
            ["Imports:RetryFirstDelay"] = "00:00:00.200",
            ["Polling:InitialDelay"] = "00:00:00.200",
            ["Polling:MaxDelay"] = "00:00:00.500",
            ["Watcher:Interval"] = "00:00:00.250",
        });
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var input = blobs.GetBlobContainerClient(configuration["Imports:InputContainer"]);
        var results = blobs.GetBlobContainerClient(configuration["Imports:OutputContainer"]);
        await input.CreateIfNotExistsAsync();
        await using var runner = await RunnerHost.StartAsync(
            ZuoraRunner.Serve(configuration, new Uri("http://127.0.0.1:0"), LogLevel.Information,
                new TestLoggerProvider(output)),
            CancellationToken.None);
        var csv = VehicleCsv.Create(goodRecords: 10);
        const string blobName = "create/vehicle/azurite-restart.csv";
        var uploaded = await input.GetBlobClient(blobName).UploadAsync(new BinaryData(csv.ToBytes()));
        var runId = ImportInstanceId.For(input.Name, blobName, uploaded.Value.ETag.ToString());
        await WaitFor.ConditionAsync(
            () => Task.FromResult(emulator.JobIds.Count == 1 ? emulator.JobStatus(emulator.JobIds[0]) : null),
            status => status == "in_progress", RunTimeout, "the Zuora job to be in progress");

        // Storage stays away until Zuora has finished the job, so the run's next poll and everything after it
        // meet a storage outage first.
        await azurite.StopAsync();
        await WaitFor.ConditionAsync(() => Task.FromResult(emulator.JobStatus(emulator.JobIds[0])),
            status => status == "completed", RunTimeout, "the Zuora job to complete");
        await azurite.StartAgainAsync();
        var summary = await WaitForSummaryAsync(results, blobName, runId);

        Assert.Equal("CompletedWithErrors", summary.GetProperty("status").GetString());
        Assert.Equal(csv.BadRows.Count, summary.GetProperty("failedRecords").GetInt32());
        Assert.Equal(1, emulator.JobsCreated);
        Assert.Equal(1, emulator.WholeFilesReceived(emulator.JobIds[0]));
        Assert.Equal(csv.GoodVins.Order(),
            emulator.Records("vehicle").Select(record => record["vin__c"].ToString()).Order());
    }

    private static async Task<JsonElement> WaitForSummaryAsync(
        BlobContainerClient results, string blobName, string runId)
    {
        var summary = results.GetBlobClient(
            $"{RunnerTestContext.ResultFolder(blobName, runId)}/{ResultPaths.SummaryFileName}");
        await WaitFor.ConditionAsync(
            async () => (bool?)((await results.ExistsAsync()).Value && (await summary.ExistsAsync()).Value),
            exists => exists == true, TakeoverTimeout, $"summary.json of {runId}");
        var content = await summary.DownloadContentAsync();
        return JsonDocument.Parse(content.Value.Content.ToString()).RootElement.Clone();
    }
}
