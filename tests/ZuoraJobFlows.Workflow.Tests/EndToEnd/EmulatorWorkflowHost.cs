using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Tests.Infrastructure;
using ZuoraJobFlows.Zuora.Http;
using ZuoraJobFlows.ZuoraEmulator;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>
/// The whole workflow as deployed, in one process: the real orchestrators, activities, <see cref="ImportApi"/> and
/// Zuora client (wired by <c>AddZuoraJobFlowsWorkflow</c>) against the in-process Zuora emulator, with blobs on
/// Azurite and the in-process Durable Task host. Polling and waits are shortened so runs take about a second.
/// </summary>
internal sealed class EmulatorWorkflowHost : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private EmulatorWorkflowHost(
        DurableTaskTestHost host,
        ZuoraEmulatorServer emulator,
        BlobServiceClient blobs,
        string input,
        string output,
        ZuoraRequestCounter requests)
    {
        _host = host;
        Emulator = emulator;
        Blobs = blobs;
        InputContainer = input;
        OutputContainer = output;
        Requests = requests;
    }

    public ZuoraEmulatorServer Emulator { get; }

    public BlobServiceClient Blobs { get; }

    public string InputContainer { get; }

    public string OutputContainer { get; }

    /// <summary>Every HTTP request the workflow's Zuora client sent, with the answers' status codes.</summary>
    public ZuoraRequestCounter Requests { get; }

    public DurableTaskClient Client => _host.Client;

    public IServiceProvider Services => _host.Services;

    public ImportApi Api => _host.Services.GetRequiredService<ImportApi>();

    public static string CasesFolder => Path.Combine(AppContext.BaseDirectory, "Cases");

    /// <param name="emulator">Changes to the emulator's options (it runs as fast as possible by default).</param>
    /// <param name="settings">App settings that override the fast test defaults, e.g. <c>Imports:MaxChunkBytes</c>.
    /// </param>
    public static async Task<EmulatorWorkflowHost> StartAsync(
        Action<EmulatorOptions>? emulator = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await ZuoraEmulatorServer.StartAsync(o =>
        {
            o.DefinitionsPath = CasesFolder;
            o.RecordsPerSecond = 0;
            o.JobStartDelay = TimeSpan.FromMilliseconds(20);
            emulator?.Invoke(o);
        });

        var blobs = Azurite.CreateClient();
        var input = Azurite.UniqueContainer("e2e-in");
        var output = Azurite.UniqueContainer("e2e-out");
        await blobs.GetBlobContainerClient(input).CreateIfNotExistsAsync();

        var values = new Dictionary<string, string?>
        {
            ["Imports:InputContainer"] = input,
            ["Imports:OutputContainer"] = output,
            ["Imports:SlotWaitInitialDelay"] = "00:00:00.200",
            ["Imports:SlotWaitMaxDelay"] = "00:00:01",
            ["Imports:RetryFirstDelay"] = "00:00:00.100",
            ["Imports:RetryMaxAttempts"] = "8",
            ["Polling:InitialDelay"] = "00:00:00.100",
            ["Polling:MaxDelay"] = "00:00:00.500",
            ["Polling:Timeout"] = "00:02:00",
            ["Zuora:BaseUrl"] = server.BaseUrl.ToString(),
            ["Zuora:ClientId"] = server.ClientId,
            ["Zuora:ClientSecret"] = server.ClientSecret,
            ["Zuora:RetryBaseDelay"] = "00:00:00.050",
            ["Zuora:MaxRetryDelay"] = "00:00:02",
            ["Zuora:AttemptTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var requests = new ZuoraRequestCounter();
        var host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddZuoraJobFlowsTasks(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton(blobs);
                    services.AddZuoraJobFlowsWorkflow(configuration);

                    // Innermost, after the client's resilience handler, so every attempt is seen, retries included.
                    foreach (var name in ZuoraHttpClientNames.All)
                    {
                        services.AddHttpClient(name).AddHttpMessageHandler(() => new CountingHandler(requests));
                    }
                },
            });

        return new EmulatorWorkflowHost(host, server, blobs, input, output, requests);
    }

    public BlobClient InputBlob(string blobName) =>
        Blobs.GetBlobContainerClient(InputContainer).GetBlobClient(blobName);

    public async Task<UploadedBlob> UploadAsync(string blobName, byte[] content,
        IDictionary<string, string>? metadata = null)
    {
        var options = new BlobUploadOptions { Metadata = metadata };
        var info = await InputBlob(blobName).UploadAsync(new BinaryData(content), options);
        return new UploadedBlob(blobName, info.Value.ETag.ToString(), content);
    }

    public Task<UploadedBlob> UploadCaseAsync(string caseFile, string blobName) =>
        UploadAsync(blobName, File.ReadAllBytes(Path.Combine(CasesFolder, caseFile)));

    /// <summary>Delivers a blob-created event as the trigger does, with the blob's ETag and length.</summary>
    public async Task<string> StartFromEventAsync(UploadedBlob blob)
    {
        var answer = await Api.StartFromBlobAsync(Client, blob.Name, blob.ETag, blob.Content.Length, default);
        Assert.True(answer.StatusCode is 200 or 202, $"Start answered {answer.StatusCode}");
        return ImportInstanceId.For(InputContainer, blob.Name, blob.ETag);
    }

    /// <summary><c>POST /api/imports</c> with <c>{ "blobName": ... }</c>.</summary>
    public async Task<ApiResult> PostImportAsync(string blobName)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { blobName });
        using var stream = new MemoryStream(body);
        return await Api.StartImportAsync(Client, stream, default);
    }

    public async Task<ImportRunResult> WaitForRunAsync(string instanceId, TimeSpan? timeout = null)
    {
        var metadata = await Eventually.WaitForAsync(
            () => Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true),
            m => m is { IsCompleted: true },
            timeout ?? TimeSpan.FromSeconds(60),
            $"run {instanceId} to end");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata!.RuntimeStatus);
        return metadata.ReadOutputAs<ImportRunResult>()!;
    }

    public async Task<byte[]?> ReadOutputBytesAsync(string blobName)
    {
        var blob = Blobs.GetBlobContainerClient(OutputContainer).GetBlobClient(blobName);
        if (!await blob.ExistsAsync())
        {
            return null;
        }

        return (await blob.DownloadContentAsync()).Value.Content.ToArray();
    }

    public async Task<string> ReadOutputTextAsync(string blobName) =>
        Encoding.UTF8.GetString(await ReadOutputBytesAsync(blobName)
            ?? throw new InvalidOperationException($"No blob {blobName} in the output container."));

    public async Task<JsonElement> ReadSummaryAsync(ImportRunResult result)
    {
        using var document = JsonDocument.Parse(await ReadOutputTextAsync(result.SummaryBlob));
        return document.RootElement.Clone();
    }

    public async Task<List<string>> ListOutputAsync(string prefix)
    {
        var names = new List<string>();
        var container = Blobs.GetBlobContainerClient(OutputContainer);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, default))
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>Asserts the input blob is still the version that was uploaded, byte for byte.</summary>
    public async Task AssertInputUnchangedAsync(UploadedBlob blob)
    {
        var current = await InputBlob(blob.Name).DownloadContentAsync();
        Assert.Equal(blob.ETag, current.Value.Details.ETag.ToString());
        Assert.Equal(blob.Content, current.Value.Content.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Emulator.DisposeAsync();
        await Blobs.GetBlobContainerClient(InputContainer).DeleteIfExistsAsync();
        await Blobs.GetBlobContainerClient(OutputContainer).DeleteIfExistsAsync();
    }

    private sealed class CountingHandler(ZuoraRequestCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await counter.CaptureAsync(request, cancellationToken);
            if (counter.BeforeSend is { } beforeSend)
            {
                await beforeSend(request);
            }

            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                counter.Add(request, (int)response.StatusCode, response.Headers.RetryAfter?.Delta);
                return response;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                counter.Add(request, status: 0);
                throw;
            }
        }
    }
}

/// <summary>A blob as uploaded: its name, ETag and bytes.</summary>
internal sealed record UploadedBlob(string Name, string ETag, byte[] Content);
