using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Options;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Tests.Infrastructure;

namespace ZuoraJobFlows.Workflow.Tests.Api;

/// <summary>
/// An <see cref="ImportApi"/> over its own Azurite input container and a mocked durable client that knows no runs
/// until a test says otherwise.
/// </summary>
internal sealed class ImportApiWorld : IAsyncDisposable
{
    private readonly List<ImportRunInput> _scheduled = [];

    private ImportApiWorld(ImportsOptions imports)
    {
        Imports = imports;
        Api = new ImportApi(
            Azurite.CreateClient(),
            Microsoft.Extensions.Options.Options.Create(imports),
            Microsoft.Extensions.Options.Options.Create(new PollingOptions()),
            TimeProvider.System,
            NullLogger<ImportApi>.Instance);
        Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(),
                It.IsAny<CancellationToken>()))
            .Callback((TaskName _, object? input, StartOrchestrationOptions? _, CancellationToken _) =>
            {
                if (input is ImportRunInput import)
                {
                    _scheduled.Add(import);
                }
            })
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) =>
                options!.InstanceId!);
    }

    public ImportsOptions Imports { get; }

    public ImportApi Api { get; }

    public Mock<DurableTaskClient> Client { get; } = new("test") { CallBase = false };

    /// <summary>The import runs scheduled so far, in order.</summary>
    public IReadOnlyList<ImportRunInput> Scheduled => _scheduled;

    public static async Task<ImportApiWorld> CreateAsync()
    {
        var world = new ImportApiWorld(new ImportsOptions
        {
            InputContainer = Azurite.UniqueContainer("api-in"),
            OutputContainer = "zuora-results",
        });
        await Azurite.CreateClient().GetBlobContainerClient(world.Imports.InputContainer).CreateIfNotExistsAsync();
        return world;
    }

    public static MemoryStream Body(string json) => new(Encoding.UTF8.GetBytes(json));

    public Task<ApiResult> PostAsync(string json) =>
        Api.StartImportAsync(Client.Object, Body(json), CancellationToken.None);

    public async Task<string> UploadAsync(string blobName, string content,
        IDictionary<string, string>? metadata = null)
    {
        var blob = Azurite.CreateClient().GetBlobContainerClient(Imports.InputContainer).GetBlobClient(blobName);
        var info = await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(content)), overwrite: true);
        if (metadata is null)
        {
            return info.Value.ETag.ToString();
        }

        // Setting metadata makes a new version of the blob, with its own ETag.
        var withMetadata = await blob.SetMetadataAsync(metadata);
        return withMetadata.Value.ETag.ToString();
    }

    public string RunIdFor(string blobName, string eTag) =>
        ImportInstanceId.For(Imports.InputContainer, blobName, eTag);

    /// <summary>Makes the durable client report a run of <paramref name="input"/> under its run id.</summary>
    public void RunExists(ImportRunInput input) =>
        Client.Setup(c => c.GetInstanceAsync(input.RunId, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(WorkflowNames.ImportCsvOrchestrator, input.RunId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
                SerializedInput = JsonDataConverter.Default.Serialize(input),
                DataConverter = JsonDataConverter.Default,
            });

    public ImportRunInput RunInput(string runId, string blobName, string eTag, string operation, string objectName,
        string? delimiter) => new()
        {
            RunId = runId,
            Container = Imports.InputContainer,
            BlobName = blobName,
            ETag = eTag,
            Operation = operation,
            Object = objectName,
            Delimiter = delimiter,
            Settings = RunSettings.From(Imports, new PollingOptions()),
        };

    public ValueTask DisposeAsync() =>
        new(Azurite.CreateClient().GetBlobContainerClient(Imports.InputContainer).DeleteIfExistsAsync());
}
