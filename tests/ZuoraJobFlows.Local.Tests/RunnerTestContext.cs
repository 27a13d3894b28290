using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using ZuoraJobFlows.Local.Hosting;
using ZuoraJobFlows.Local.Watching;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.ZuoraEmulator;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>
/// One end-to-end test's world: real Azurite with its own task hub and containers, an in-process Zuora emulator,
/// and the real runner (engine, worker, watcher, API on a free loopback port) that can be stopped and started.
/// </summary>
internal sealed class RunnerTestContext : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly Dictionary<string, string?> _settings;
    private long _scansAtMark;

    private RunnerTestContext(
        ITestOutputHelper output,
        ZuoraEmulatorServer emulator,
        Dictionary<string, string?> settings)
    {
        _output = output;
        Emulator = emulator;
        _settings = settings;
        Configuration = LocalConfiguration.Build(settings);
        var blobs = new BlobServiceClient(TestStorage.ConnectionString);
        Input = blobs.GetBlobContainerClient(settings["Imports:InputContainer"]);
        Output = blobs.GetBlobContainerClient(settings["Imports:OutputContainer"]);
    }

    public ZuoraEmulatorServer Emulator { get; }

    public IConfiguration Configuration { get; }

    public BlobContainerClient Input { get; }

    public BlobContainerClient Output { get; }

    public RunnerHost? Runner { get; private set; }

    public static async Task<RunnerTestContext> CreateAsync(
        ITestOutputHelper output,
        Action<EmulatorOptions>? configureEmulator = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var emulator = await ZuoraEmulatorServer.StartAsync(options =>
        {
            options.RecordsPerSecond = 0;
            options.JobStartDelay = TimeSpan.FromMilliseconds(50);
            configureEmulator?.Invoke(options);
        });

        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["DurableTask:HubName"] = TestStorage.UniqueName("hub"),
            ["Zuora:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Zuora:ClientId"] = emulator.ClientId,
            ["Zuora:ClientSecret"] = emulator.ClientSecret,
            ["Imports:InputContainer"] = TestStorage.UniqueName("in-"),
            ["Imports:OutputContainer"] = TestStorage.UniqueName("out-"),
            ["Imports:RetryFirstDelay"] = "00:00:00.200",
            ["Imports:SlotWaitInitialDelay"] = "00:00:00.500",
            ["Polling:InitialDelay"] = "00:00:00.200",
            ["Polling:MaxDelay"] = "00:00:00.500",
            ["Watcher:Interval"] = "00:00:00.250",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var context = new RunnerTestContext(output, emulator, all);
        await context.Input.CreateIfNotExistsAsync();
        return context;
    }

    public async Task<RunnerHost> StartRunnerAsync()
    {
        // Each runner has its own watcher status, counting from zero.
        _scansAtMark = 0;
        Runner = await RunnerHost.StartAsync(
            ZuoraRunner.Serve(Configuration, new Uri("http://127.0.0.1:0"), LogLevel.Information,
                new TestLoggerProvider(_output)),
            CancellationToken.None);
        return Runner;
    }

    public async Task StopRunnerAsync()
    {
        if (Runner is not null)
        {
            await Runner.DisposeAsync();
            Runner = null;
        }
    }

    /// <summary>
    /// Waits until the watcher has listed the input container this many times since the runner started, or since
    /// the previous wait returned. Counting from a mark taken before the runner starts cannot miss the scan the
    /// watcher makes at startup, which may end before this is called (and with a long interval, no other follows).
    /// </summary>
    public async Task WaitForWatcherScansAsync(int scans)
    {
        var status = Runner!.Services.GetRequiredService<BlobWatcherStatus>();
        var target = _scansAtMark + scans;
        _scansAtMark = await WaitFor.ConditionAsync(() => Task.FromResult<long?>(status.CompletedScans),
            done => done >= target, TimeSpan.FromSeconds(20), $"{target} watcher scans since the runner started")
            ?? target;
    }

    public async Task<(string BlobName, string ETag)> UploadAsync(string blobName, byte[] content)
    {
        var response = await Input.GetBlobClient(blobName).UploadAsync(new BinaryData(content), overwrite: true);
        return (blobName, response.Value.ETag.ToString());
    }

    public string RunIdFor(string blobName, string eTag) => ImportInstanceId.For(Input.Name, blobName, eTag);

    public static string ResultFolder(string blobName, string runId)
    {
        var parts = blobName.Split('/', 3);
        return ResultPaths.ResultFolder(parts[0], parts[1], blobName, runId);
    }

    public async Task<JsonElement> WaitForSummaryAsync(string blobName, string runId, TimeSpan timeout)
    {
        var blob = Output.GetBlobClient($"{ResultFolder(blobName, runId)}/{ResultPaths.SummaryFileName}");
        await WaitFor.ConditionAsync(
            async () => (bool?)((await Output.ExistsAsync()).Value && (await blob.ExistsAsync()).Value),
            exists => exists == true, timeout, $"summary.json of {runId}");
        var content = await blob.DownloadContentAsync();
        return JsonDocument.Parse(content.Value.Content.ToString()).RootElement.Clone();
    }

    public async Task<string?> ReadResultAsync(string blobName, string runId, string fileName)
    {
        var blob = Output.GetBlobClient($"{ResultFolder(blobName, runId)}/{fileName}");
        if (!(await blob.ExistsAsync()).Value)
        {
            return null;
        }

        return (await blob.DownloadContentAsync()).Value.Content.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await StopRunnerAsync();
        await Emulator.DisposeAsync();
        await Input.DeleteIfExistsAsync();
        await Output.DeleteIfExistsAsync();

        var storage = DurableStorageOptions.From(Configuration);
        using var loggerFactory = LoggerFactory.Create(_ => { });
        await OrchestrationServiceFactory.Create(storage, loggerFactory).DeleteAsync();
    }

}
