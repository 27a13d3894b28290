using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Tests;

public sealed class ApiEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(45);

    // The watcher lists once at start and then not again during the test, so only the API starts runs.
    private static readonly Dictionary<string, string?> WithoutWatcher = new() { ["Watcher:Interval"] = "01:00:00" };

    [Fact]
    public async Task PostImport_BlobInInputContainer_StartsRunThatGetReportsAsCompleted()
    {
        await using var world = await RunnerTestContext.CreateAsync(output, settings: WithoutWatcher);
        var runner = await world.StartRunnerAsync();
        await world.WaitForWatcherScansAsync(1);
        using var http = new HttpClient { BaseAddress = runner.HttpAddress };
        var csv = VehicleCsv.Create(goodRecords: 6);
        var (blobName, eTag) = await world.UploadAsync("create/vehicle/api cars #1.csv", csv.ToBytes());

        using var started = await http.PostAsJsonAsync("/api/imports", new { blobName });
        var location = started.Headers.Location!.OriginalString;
        var run = await WaitForRunAsync(http, location, IsCompleted);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/imports/{world.RunIdFor(blobName, eTag)}", location);
        Assert.Equal("CompletedWithErrors", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("failedRecords").GetInt64());
        Assert.Single(run.GetProperty("jobIds").EnumerateArray());
        Assert.Equal(6, world.Emulator.RecordCount("vehicle"));
    }

    [Fact]
    public async Task PostImport_UnknownBlob_Answers404ProblemAndBadBodyAnswers400()
    {
        await using var world = await RunnerTestContext.CreateAsync(output, settings: WithoutWatcher);
        var runner = await world.StartRunnerAsync();
        await world.WaitForWatcherScansAsync(1);
        using var http = new HttpClient { BaseAddress = runner.HttpAddress };

        using var missing = await http.PostAsJsonAsync("/api/imports", new { blobName = "create/vehicle/none.csv" });
        using var bad = await http.PostAsync("/api/imports", new StringContent("{ not json", null, "application/json"));
        using var unknownRun = await http.GetAsync("/api/imports/imp-0000");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownRun.StatusCode);
    }

    [Fact]
    public async Task PostImport_WatcherStartedTheVersionFirst_OtherSettings409SameSettings200()
    {
        await using var world = await RunnerTestContext.CreateAsync(output);
        var runner = await world.StartRunnerAsync();
        using var http = new HttpClient { BaseAddress = runner.HttpAddress };
        var (blobName, eTag) = await world.UploadAsync("create/vehicle/raced.csv", VehicleCsv.Create(3).ToBytes());
        var runId = world.RunIdFor(blobName, eTag);
        await WaitFor.ConditionAsync(() => runner.Client.GetInstanceAsync(runId), run => run is not null, RunTimeout,
            "the watcher to start the run");

        using var other = await http.PostAsJsonAsync("/api/imports", new { blobName, @object = "truck" });
        using var same = await http.PostAsJsonAsync("/api/imports", new { blobName, @object = "vehicle" });
        var problem = JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement;
        await world.WaitForSummaryAsync(blobName, runId, RunTimeout);

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(runId, problem.GetProperty("runId").GetString());
        Assert.Contains("'truck'", problem.GetProperty("errors").GetProperty("object")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal($"/api/imports/{runId}", same.Headers.Location!.OriginalString);
        Assert.Equal(1, world.Emulator.JobsCreated);
    }

    [Fact]
    public async Task PostCancel_WhileZuoraJobIsNotStarted_EndsRunCancelledAndCancelsTheJob()
    {
        await using var world = await RunnerTestContext.CreateAsync(output,
            emulator => emulator.JobStartDelay = TimeSpan.FromMinutes(5), WithoutWatcher);
        var runner = await world.StartRunnerAsync();
        await world.WaitForWatcherScansAsync(1);
        using var http = new HttpClient { BaseAddress = runner.HttpAddress };
        var (blobName, _) = await world.UploadAsync("create/vehicle/slow.csv", VehicleCsv.Create(4).ToBytes());
        using var started = await http.PostAsJsonAsync("/api/imports", new { blobName });
        var location = started.Headers.Location!.OriginalString;
        await WaitFor.ConditionAsync(() => Task.FromResult<int?>(world.Emulator.JobIds.Count), count => count == 1,
            RunTimeout, "the Zuora job to be submitted");

        using var cancel = await http.PostAsync($"{location}/cancel", null);
        var run = await WaitForRunAsync(http, location, IsCompleted);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("Cancelled", run.GetProperty("status").GetString());
        Assert.Equal("cancelled", world.Emulator.JobStatus(world.Emulator.JobIds[0]));
        Assert.Equal(0, world.Emulator.RecordCount("vehicle"));
    }

    [Fact]
    public async Task StartFromBlob_SameEventDeliveredTwice_MakesOneRun()
    {
        await using var world = await RunnerTestContext.CreateAsync(output, settings: WithoutWatcher);
        var runner = await world.StartRunnerAsync();
        await world.WaitForWatcherScansAsync(1);
        var importApi = runner.Services.GetService(typeof(ImportApi)) as ImportApi;
        var csv = VehicleCsv.Create(goodRecords: 5);
        var (blobName, eTag) = await world.UploadAsync("create/vehicle/twice.csv", csv.ToBytes());
        var length = csv.ToBytes().Length;

        // The storage SDK quotes ETags and Event Grid does not; both deliveries name the same blob version.
        var results = await Task.WhenAll(
            importApi!.StartFromBlobAsync(runner.Client, blobName, eTag, length, CancellationToken.None),
            importApi.StartFromBlobAsync(runner.Client, blobName, eTag.Trim('"'), length, CancellationToken.None));
        var again = await importApi.StartFromBlobAsync(runner.Client, blobName, eTag, length, CancellationToken.None);
        var runId = world.RunIdFor(blobName, eTag);
        await world.WaitForSummaryAsync(blobName, runId, RunTimeout);

        Assert.All(results.Append(again), result => Assert.Equal($"/api/imports/{runId}", result.Location));
        Assert.Equal(200, again.StatusCode);
        Assert.Equal(1, world.Emulator.JobsCreated);
        Assert.Equal(csv.GoodVins.Order(),
            world.Emulator.Records("vehicle").Select(record => record["vin__c"].ToString()).Order());
    }

    private static bool IsCompleted(JsonElement run) => run.GetProperty("runtimeStatus").GetString() == "Completed";

    private static async Task<JsonElement> WaitForRunAsync(
        HttpClient http,
        string location,
        Func<JsonElement, bool> done)
    {
        return await WaitFor.ConditionAsync<JsonElement?>(
            async () =>
            {
                using var response = await http.GetAsync(location);
                return response.IsSuccessStatusCode
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone()
                    : null;
            },
            run => run is { } value && done(value),
            RunTimeout,
            $"run {location}") ?? default;
    }
}
