using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Zuora;

namespace ZuoraJobFlows.Workflow.Tests.Infrastructure;

/// <summary>
/// The real orchestrators and activities on the in-process Durable Task host (real timers and replay), blobs on
/// Azurite in containers of their own, and Zuora faked by a Moq <see cref="IZuoraClient"/>.
/// </summary>
internal sealed class WorkflowTestHost : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private WorkflowTestHost(DurableTaskTestHost host, BlobServiceClient blobs, string input, string output)
    {
        _host = host;
        Blobs = blobs;
        InputContainer = input;
        OutputContainer = output;
    }

    public DurableTaskClient Client => _host.Client;

    public IServiceProvider Services => _host.Services;

    public BlobServiceClient Blobs { get; }

    public string InputContainer { get; }

    public string OutputContainer { get; }

    public static RunSettings FastSettings(string outputContainer) => new()
    {
        OutputContainer = outputContainer,
        PollInitialDelay = TimeSpan.FromMilliseconds(100),
        PollMaxDelay = TimeSpan.FromMilliseconds(200),
        PollTimeout = TimeSpan.FromSeconds(30),
        SlotWaitInitialDelay = TimeSpan.FromMilliseconds(500),
        SlotWaitMaxDelay = TimeSpan.FromSeconds(1),
        RetryFirstDelay = TimeSpan.FromMilliseconds(100),
        RetryMaxAttempts = 3,
    };

    public static async Task<WorkflowTestHost> StartAsync(IZuoraClient zuora)
    {
        var blobs = Azurite.CreateClient();
        var input = Azurite.UniqueContainer("in");
        var output = Azurite.UniqueContainer("out");
        await blobs.GetBlobContainerClient(input).CreateIfNotExistsAsync();

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Imports:InputContainer"] = input,
                ["Imports:OutputContainer"] = output,
                ["Zuora:BaseUrl"] = "http://127.0.0.1:9",
                ["Zuora:ClientId"] = "unused",
                ["Zuora:ClientSecret"] = "unused",
            })
            .Build();

        var host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddZuoraJobFlowsTasks(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton(blobs);
                    services.AddSingleton(zuora);
                    services.AddZuoraJobFlowsWorkflow(configuration);
                },
            });

        return new WorkflowTestHost(host, blobs, input, output);
    }

    public static Mock<IZuoraClient> NewZuora()
    {
        var zuora = new Mock<IZuoraClient>(MockBehavior.Loose);
        zuora.Setup(z => z.GetDefinitionAsync("vehicle", It.IsAny<ZuoraRequestOptions?>(),
            It.IsAny<CancellationToken>()))
            .ReturnsAsync(ZuoraFakes.Vehicle);
        zuora.Setup(z => z.GetJobErrorsAsync(It.IsAny<string>(), It.IsAny<ZuoraRequestOptions?>(),
            It.IsAny<CancellationToken>()))
            .Returns(() => ZuoraFakes.Errors());
        return zuora;
    }

    public async Task<(string BlobName, string ETag)> UploadAsync(string blobName, string content)
    {
        var blob = Blobs.GetBlobContainerClient(InputContainer).GetBlobClient(blobName);
        var info = await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(content)), overwrite: true);
        return (blobName, info.Value.ETag.ToString());
    }

    public async Task<string> StartImportAsync(string blobName, string eTag, RunSettings? settings = null)
    {
        var parts = blobName.Split('/', 3);
        var id = ImportInstanceId.For(InputContainer, blobName, eTag);
        var input = new ImportRunInput
        {
            RunId = id,
            Container = InputContainer,
            BlobName = blobName,
            ETag = eTag,
            Operation = parts[0],
            Object = parts[1],
            Settings = settings ?? FastSettings(OutputContainer),
            RequestedAt = DateTimeOffset.UtcNow,
        };
        await Client.ScheduleNewOrchestrationInstanceAsync(
            WorkflowNames.ImportCsvOrchestrator, input, new StartOrchestrationOptions { InstanceId = id });
        return id;
    }

    public Task<OrchestrationMetadata?> WaitForEndAsync(string instanceId, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(
            () => Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true),
            m => m is { IsCompleted: true },
            timeout ?? TimeSpan.FromSeconds(60),
            $"orchestration {instanceId} to end");

    public async Task<string?> ReadOutputBlobAsync(string blobName)
    {
        var blob = Blobs.GetBlobContainerClient(OutputContainer).GetBlobClient(blobName);
        if (!await blob.ExistsAsync())
        {
            return null;
        }

        var content = await blob.DownloadContentAsync();
        return content.Value.Content.ToString();
    }

    public async Task<JsonElement> ReadSummaryAsync(ImportRunResult result)
    {
        var text = await ReadOutputBlobAsync(result.SummaryBlob)
            ?? throw new InvalidOperationException($"No summary at {result.SummaryBlob}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async Task<List<string>> ListOutputAsync(string prefix)
    {
        var names = new List<string>();
        var container = Blobs.GetBlobContainerClient(OutputContainer);
        await foreach (var item in container.GetBlobsAsync(
            Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, default))
        {
            names.Add(item.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Blobs.GetBlobContainerClient(InputContainer).DeleteIfExistsAsync();
        await Blobs.GetBlobContainerClient(OutputContainer).DeleteIfExistsAsync();
    }
}
