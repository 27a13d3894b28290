using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZuoraJobFlows.Workflow.Options;
using ZuoraJobFlows.Workflow.Orchestrations;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// The HTTP API's logic, shared by the Functions app and the local runner: validates requests, starts runs with
/// deterministic ids, and reports their status. Bad input gets a 400 problem naming the field, never a 500.
/// </summary>
public sealed class ImportApi(
    BlobServiceClient blobs,
    IOptions<ImportsOptions> imports,
    IOptions<PollingOptions> polling,
    TimeProvider timeProvider,
    ILogger<ImportApi> logger)
{
    private const int ListLimit = 50;
    private const int ListScanLimit = 1000;
    private static readonly TimeSpan ListWindow = TimeSpan.FromDays(30);

    private readonly BlobServiceClient _blobs = blobs;
    private readonly ImportsOptions _imports = imports.Value;
    private readonly PollingOptions _polling = polling.Value;
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly ILogger<ImportApi> _logger = logger;
    private readonly RecentStarts _recentStarts = new(timeProvider);

    /// <summary>
    /// How the hosts write <see cref="ApiResult.Body"/>: camelCase, enums as strings, nulls left out.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string StatusUri(string instanceId) => $"/api/imports/{Uri.EscapeDataString(instanceId)}";

    /// <summary><c>POST /api/imports</c>: starts an import of a blob already in the input container.</summary>
    public async Task<ApiResult> StartImportAsync(DurableTaskClient client, Stream body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(body);

        var (request, problem) =
            await JsonBody.ParseAsync<ImportRequest>(body, ImportRequestParser.Parse, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var blob = _blobs.GetBlobContainerClient(_imports.InputContainer).GetBlobClient(request.BlobName);
        Azure.Storage.Blobs.Models.BlobProperties properties;
        try
        {
            properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return Problems.NotFound(
                $"No blob '{request.BlobName}' in container '{_imports.InputContainer}'; upload it first.");
        }

        var metadataDelimiter = DelimiterOf(properties.Metadata);
        var start = new BlobStart(
            request.BlobName,
            properties.ETag.ToString(),
            new ImportChoices(request.Operation, request.Object, request.Given.Delimiter ?? metadataDelimiter),
            request.Given,
            metadataDelimiter);
        return await StartAsync(client, start, cancellationToken);
    }

    /// <summary>
    /// Starts the run for a blob event (trigger, Event Grid, local watcher). A zero-length blob is skipped: it is
    /// usually a file still being written, and its final version arrives as its own event.
    /// </summary>
    public async Task<ApiResult> StartFromBlobAsync(
        DurableTaskClient client,
        string blobName,
        string? eTag,
        long? length,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        var blobProblem = BlobNameRules.Problem(blobName ?? string.Empty);
        if (blobProblem is not null)
        {
            return Problems.BadRequest("blobName", blobProblem);
        }

        string? delimiter = null;
        if (length is null || eTag is null)
        {
            var blob = _blobs.GetBlobContainerClient(_imports.InputContainer).GetBlobClient(blobName);
            try
            {
                var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                length ??= properties.ContentLength;
                eTag ??= properties.ETag.ToString();
                delimiter = DelimiterOf(properties.Metadata);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return Problems.NotFound($"No blob '{blobName}' in container '{_imports.InputContainer}'.");
            }
        }

        if (length == 0)
        {
            ApiLog.EmptyBlobSkipped(_logger, blobName!);
            return new ApiResult(200, new SkippedStart(blobName!, "The blob is empty; it runs once it has content."));
        }

        // Without both folders there is no run to report to: its results folder is named after them. An unknown
        // operation folder does start a run, which ends Rejected with a summary saying so.
        var folders = BlobFolders.Read(blobName!);
        if (folders.Missing is not null)
        {
            return Problems.BadRequest("blobName", folders.Missing);
        }

        var choices = new ImportChoices(folders.Operation, folders.Object, delimiter);
        return await StartAsync(client, new BlobStart(blobName!, eTag, choices, null, delimiter), cancellationToken);
    }

    /// <summary><c>GET /api/imports/{id}</c>.</summary>
    public async Task<ApiResult> GetImportAsync(DurableTaskClient client, string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        if (!ImportInstanceId.IsWellFormed(id))
        {
            return Problems.NotFound($"No run '{id}'.");
        }

        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        return metadata is null || !RunViewBuilder.IsRun(metadata)
            ? Problems.NotFound($"No run '{id}'.")
            : new ApiResult(200, RunViewBuilder.Build(metadata, _imports.OutputContainer));
    }

    /// <summary><c>GET /api/imports?status=Running</c>: the most recent runs, newest first.</summary>
    public async Task<ApiResult> ListImportsAsync(
        DurableTaskClient client,
        string? status,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        List<OrchestrationRuntimeStatus>? statuses = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            statuses = [];
            foreach (var part in status.Split(',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<OrchestrationRuntimeStatus>(part, ignoreCase: true, out var parsed)
                    || !Enum.IsDefined(parsed) || part.All(char.IsAsciiDigit))
                {
                    var allowed = string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>());
                    return Problems.BadRequest("status", $"'{part}' is not a run status; use one of {allowed}.");
                }

                statuses.Add(parsed);
            }
        }

        var query = new OrchestrationQuery
        {
            CreatedFrom = _timeProvider.GetUtcNow() - ListWindow,
            Statuses = statuses,
            PageSize = 100,
            FetchInputsAndOutputs = true,
        };

        var runs = new List<RunView>();
        var scanned = 0;
        await foreach (var metadata in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (RunViewBuilder.IsRun(metadata))
            {
                runs.Add(RunViewBuilder.Build(metadata, _imports.OutputContainer));
            }

            if (++scanned >= ListScanLimit)
            {
                break;
            }
        }

        var recent = runs.OrderByDescending(r => r.CreatedAt).Take(ListLimit).ToList();
        return new ApiResult(200, new RunList(recent.Count, recent));
    }

    /// <summary><c>POST /api/imports/{id}/cancel</c>: asks a running run to cancel its jobs and end.</summary>
    public async Task<ApiResult> CancelImportAsync(
        DurableTaskClient client,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        if (!ImportInstanceId.IsWellFormed(id))
        {
            return Problems.NotFound($"No run '{id}'.");
        }

        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        if (metadata is null || !RunViewBuilder.IsRun(metadata))
        {
            return Problems.NotFound($"No run '{id}'.");
        }

        if (metadata.IsCompleted)
        {
            return Problems.Conflict(
                $"Run '{id}' already ended ({metadata.RuntimeStatus}); there is nothing to cancel.");
        }

        await client.RaiseEventAsync(
            id, WorkflowNames.CancelRequestedEvent, new CancelSignal("Requested over HTTP"), cancellationToken);
        ApiLog.CancelRequested(_logger, id);
        return new ApiResult(202, new AcceptedRun(id, StatusUri(id)), StatusUri(id));
    }

    /// <summary><c>POST /api/deletes</c>: starts a delete job for the records matching a filter.</summary>
    public async Task<ApiResult> StartDeleteAsync(DurableTaskClient client, Stream body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(body);

        var (request, problem) =
            await JsonBody.ParseAsync<DeleteRequest>(body, DeleteRequestParser.Parse, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var id = ImportInstanceId.DeletePrefix + Guid.NewGuid().ToString("N");
        var input = new DeleteRecordsInput
        {
            RunId = id,
            Object = request.Object,
            Filter = request.Filter,
            Settings = RunSettings.From(_imports, _polling),
            RequestedAt = _timeProvider.GetUtcNow(),
        };
        await client.ScheduleNewOrchestrationInstanceAsync(
            WorkflowNames.DeleteRecordsOrchestrator, input, new StartOrchestrationOptions { InstanceId = id },
            cancellationToken);

        ApiLog.RunStarted(_logger, id, WorkflowNames.DeleteRecordsOrchestrator, request.Object);
        return new ApiResult(202, new AcceptedRun(id, StatusUri(id)), StatusUri(id));
    }

    private async Task<ApiResult> StartAsync(DurableTaskClient client, BlobStart start,
        CancellationToken cancellationToken)
    {
        var id = ImportInstanceId.For(_imports.InputContainer, start.BlobName, start.ETag);
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (existing is not null)
        {
            return AnswerExisting(existing, start);
        }

        if (!_recentStarts.TryClaim(id, start.Choices, out var claimed))
        {
            ApiLog.DuplicateStart(_logger, id);
            existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            if (existing is not null)
            {
                return AnswerExisting(existing, start);
            }

            // The run is not visible yet; the claim remembers what it was started with.
            return ConflictWith(id, start, claimed)
                ?? new ApiResult(200, new AcceptedRun(id, StatusUri(id)), StatusUri(id));
        }

        var input = new ImportRunInput
        {
            RunId = id,
            Container = _imports.InputContainer,
            BlobName = start.BlobName,

            // Listings and Event Grid give it unquoted, blob properties quoted; summary.json shows one form.
            ETag = ImportInstanceId.QuotedETag(start.ETag),
            Operation = start.Choices.Operation!,
            Object = start.Choices.Object!,
            Delimiter = start.Choices.Delimiter,
            Settings = RunSettings.From(_imports, _polling),
            RequestedAt = _timeProvider.GetUtcNow(),
        };

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                WorkflowNames.ImportCsvOrchestrator, input, new StartOrchestrationOptions { InstanceId = id },
                cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _recentStarts.Release(id);
            throw;
        }
        catch (Exception)
        {
            // Two starts of the same blob version raced; the other one won, and its run is the answer.
            existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            if (existing is null)
            {
                _recentStarts.Release(id);
                throw;
            }

            ApiLog.DuplicateStart(_logger, id);
            return AnswerExisting(existing, start);
        }

        ApiLog.RunStarted(_logger, id, WorkflowNames.ImportCsvOrchestrator, input.Object);
        return new ApiResult(202, new AcceptedRun(id, StatusUri(id)), StatusUri(id));
    }

    // Users name a non-comma delimiter in the blob's metadata, e.g. `az storage blob upload --metadata delimiter=;`.
    private static string? DelimiterOf(IDictionary<string, string> metadata) =>
        metadata.TryGetValue("delimiter", out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private ApiResult AnswerExisting(OrchestrationMetadata existing, BlobStart start)
    {
        var input = RunViewBuilder.TryRead(() => existing.ReadInputAs<ImportRunInput>());
        var run = input is null ? null : new ImportChoices(input.Operation, input.Object, input.Delimiter);
        return ConflictWith(existing.InstanceId, start, run)
            ?? new ApiResult(200, RunViewBuilder.Build(existing, _imports.OutputContainer),
                StatusUri(existing.InstanceId));
    }

    // A run without a delimiter of its own reads the blob's metadata, which is part of the version, as this start did.
    private ApiResult? ConflictWith(string id, BlobStart start, ImportChoices? run)
    {
        if (start.Given is null || run is null)
        {
            return null;
        }

        var effective = run with { Delimiter = run.Delimiter ?? start.MetadataDelimiter };
        var differences = StartConflicts.Differences(start.Given, effective);
        if (differences.Count == 0)
        {
            return null;
        }

        ApiLog.StartConflict(_logger, id, differences.Keys);
        return StartConflicts.Conflict(id, start.BlobName, start.Given, effective, differences);
    }
}

/// <summary>The body of a 202: the run's id and where to follow it.</summary>
public sealed record AcceptedRun(string Id, string StatusUri);

/// <summary>The body of a blob event that started nothing.</summary>
public sealed record SkippedStart(string BlobName, string Reason)
{
    public bool Skipped { get; init; } = true;
}

/// <summary>The body of <c>GET /api/imports</c>.</summary>
public sealed record RunList(int Count, IReadOnlyList<RunView> Runs);
