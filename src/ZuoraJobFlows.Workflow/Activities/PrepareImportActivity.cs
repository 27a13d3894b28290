using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Csv;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Workflow.Telemetry;
using ZuoraJobFlows.Zuora;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>
/// Inspects the input in one streamed pass that validates the CSV and stages comma-delimited chunks of at most the
/// chunk size in the output container, then checks the object and the header's columns against Zuora's definition.
/// </summary>
public sealed class PrepareImportActivity(
    IZuoraClient zuora,
    BlobServiceClient blobs,
    CsvPreparer preparer,
    ILogger<PrepareImportActivity> logger)
{
    private readonly IZuoraClient _zuora = zuora;
    private readonly BlobServiceClient _blobs = blobs;
    private readonly CsvPreparer _preparer = preparer;
    private readonly ILogger<PrepareImportActivity> _logger = logger;

    public async Task<PrepareImportResult> RunAsync(PrepareImportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        try
        {
            return await PrepareAsync(input, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone or replaced before or while it was read: this version cannot be imported whole. Chunks staged so
            // far are removed with the run's staging area.
            var reason = ex.Status == 404
                ? $"The blob '{input.BlobName}' no longer exists in container '{input.Container}'."
                : $"The blob '{input.BlobName}' changed after this run started; the new version runs on its own.";
            return Reject(input, reason, bytes: 0, records: 0);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            ActivityLog.TransientFailure(_logger, ex, input.RunId, WorkflowNames.PrepareImport);
            WorkflowTelemetry.RecordRetry(WorkflowNames.PrepareImport, "transient");
            throw TransientFailures.Wrap(ex);
        }
    }

    private async Task<PrepareImportResult> PrepareAsync(PrepareImportInput input, CancellationToken cancellationToken)
    {
        var source = _blobs.GetBlobContainerClient(input.Container).GetBlobClient(input.BlobName);
        var download = await BlobStreams.DownloadAsync(source, input.ETag, cancellationToken);

        // The delimiter a user sets on the blob applies however the run was started (trigger, Event Grid, watcher,
        // API); the event that started it does not carry metadata.
        input = input with { Delimiter = input.Delimiter ?? DelimiterOf(download.Details.Metadata) };

        await using (var content = download.Content)
        {
            var output = _blobs.GetBlobContainerClient(input.OutputContainer);
            await output.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

            // The file is checked on its own first, so that an empty, garbled or malformed file is refused before
            // any Zuora call; the object and its columns are checked once the file is known to be well-formed.
            var structureOnly = CsvPrepareOptions.For(input.Operation, null, input.MaxChunkBytes, input.Delimiter);
            var preparation = await _preparer.PrepareAsync(
                content,
                structureOnly,
                (index, ct) => OpenChunkAsync(output, input.RunId, index, ct),
                cancellationToken);

            var rejection = preparation.Accepted
                ? await CheckAgainstDefinitionAsync(input, preparation.Columns, cancellationToken)
                : preparation.RejectionReason;
            if (rejection is not null)
            {
                await DeleteChunksAsync(output, input.RunId, preparation.Chunks, cancellationToken);
                return Reject(input, rejection, preparation.TotalBytes, preparation.Records);
            }

            var chunks = preparation.Chunks
                .Select(c => new ChunkPlan(
                    c.Index + 1,
                    ResultPaths.ChunkBlobName(input.RunId, c.Index + 1),
                    c.FirstRow,
                    c.LastRow,
                    c.Records,
                    c.Bytes))
                .ToList();

            ActivityLog.ImportPrepared(
                _logger, input.RunId, input.BlobName, chunks.Count, preparation.Records, preparation.TotalBytes);
            return new PrepareImportResult
            {
                Accepted = true,
                Bytes = preparation.TotalBytes,
                Records = preparation.Records,
                Delimiter = preparation.Delimiter,
                Chunks = chunks,
            };
        }
    }

    private async Task<string?> CheckAgainstDefinitionAsync(
        PrepareImportInput input,
        IReadOnlyList<string> columns,
        CancellationToken cancellationToken)
    {
        var options = new ZuoraRequestOptions { TrackId = JobKeys.TrackId(input.RunId) };
        var definition = await _zuora.GetDefinitionAsync(input.Object, options, cancellationToken);
        if (definition is null)
        {
            return $"The custom object '{input.Object}' is not defined in Zuora; define it or fix the folder name.";
        }

        var withDefinition = CsvPrepareOptions.For(input.Operation, definition, input.MaxChunkBytes, input.Delimiter);
        return CsvHeaderRules.Check(columns, withDefinition, line: 1)?.Reason;
    }

    private static string? DelimiterOf(IDictionary<string, string>? metadata)
    {
        var value = metadata?
            .FirstOrDefault(m => string.Equals(m.Key, "delimiter", StringComparison.OrdinalIgnoreCase)).Value;
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static Task<Stream> OpenChunkAsync(
        BlobContainerClient output,
        string runId,
        int index,
        CancellationToken cancellationToken)
    {
        var blob = output.GetBlobClient(ResultPaths.ChunkBlobName(runId, index + 1));
        return BlobStreams.OpenCsvWriteAsync(blob, cancellationToken);
    }

    private static async Task DeleteChunksAsync(
        BlobContainerClient output,
        string runId,
        IReadOnlyList<ChunkInfo> chunks,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            var blob = output.GetBlobClient(ResultPaths.ChunkBlobName(runId, chunk.Index + 1));
            await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    private PrepareImportResult Reject(PrepareImportInput input, string reason, long bytes, long records)
    {
        ActivityLog.ImportRejected(_logger, input.RunId, input.BlobName, reason);
        return new PrepareImportResult { Accepted = false, Reason = reason, Bytes = bytes, Records = records };
    }
}
