using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Reports;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Workflow.Telemetry;
using ZuoraJobFlows.Zuora;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>
/// Streams every job's row errors into a sorting spool (mapped to the original file's rows), then joins them with
/// the original blob into <c>errors.csv</c> and <c>retry.csv</c>. Nothing is written when no row failed.
/// </summary>
public sealed class WriteReportsActivity(
    IZuoraClient zuora,
    BlobServiceClient blobs,
    ReportWriter writer,
    ILogger<WriteReportsActivity> logger)
{
    private readonly IZuoraClient _zuora = zuora;
    private readonly BlobServiceClient _blobs = blobs;
    private readonly ReportWriter _writer = writer;
    private readonly ILogger<WriteReportsActivity> _logger = logger;

    public async Task<WriteReportsResult> RunAsync(WriteReportsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        try
        {
            return await WriteAsync(input, cancellationToken);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            ActivityLog.TransientFailure(_logger, ex, input.RunId, WorkflowNames.WriteReports);
            WorkflowTelemetry.RecordRetry(WorkflowNames.WriteReports, "transient");
            throw TransientFailures.Wrap(ex);
        }
    }

    private async Task<WriteReportsResult> WriteAsync(WriteReportsInput input, CancellationToken cancellationToken)
    {
        using var spool = new ReportErrorSpool();
        var counts = await SpoolErrorsAsync(input, spool, cancellationToken);

        var unsent = input.UnsentRows.Sum(r => r.Count);
        if (spool.Count == 0 && unsent == 0)
        {
            ActivityLog.ReportsWritten(_logger, input.RunId, 0);
            return new WriteReportsResult { ErrorsByChunk = counts };
        }

        var output = _blobs.GetBlobContainerClient(input.OutputContainer);
        var errorsBlob = $"{input.ResultFolder}/{ResultPaths.ErrorsFileName}";
        var retryBlob = $"{input.ResultFolder}/{ResultPaths.RetryFileName}";
        var rows = UnsentRows.MergeAsync(spool.ReadSortedAsync(cancellationToken), input.UnsentRows, cancellationToken);
        var (original, delimiter, staged) = await OpenOriginalAsync(input, output, cancellationToken);
        ReportCounts written;
        await using (original)
        {
            await using var errorsCsv = await BlobStreams.OpenCsvWriteAsync(
                output.GetBlobClient(errorsBlob), cancellationToken);
            await using var retryCsv = await BlobStreams.OpenCsvWriteAsync(
                output.GetBlobClient(retryBlob), cancellationToken);

            try
            {
                written = await _writer.WriteAsync(original, delimiter, rows, errorsCsv, retryCsv, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412 && !staged)
            {
                // Replaced or deleted while being read: the next attempt finds it changed at once and reads the
                // staged copy instead.
                throw new TransientActivityException("The input blob changed while the reports were written.", ex);
            }
        }

        var failed = written.FailedRows - unsent;
        ActivityLog.ReportsWritten(_logger, input.RunId, failed);
        return new WriteReportsResult
        {
            ErrorsBlob = errorsBlob,
            RetryBlob = retryBlob,
            FailedRecords = failed,
            UnsentRecords = unsent,
            ErrorsByChunk = counts,
            FromStagedCopy = staged,
        };
    }

    /// <summary>Every job's row errors, mapped to the original file's rows; returns the count per chunk.</summary>
    private async Task<List<ChunkErrorCount>> SpoolErrorsAsync(
        WriteReportsInput input,
        ReportErrorSpool spool,
        CancellationToken cancellationToken)
    {
        var counts = new List<ChunkErrorCount>(input.Jobs.Count);
        var options = new ZuoraRequestOptions { TrackId = JobKeys.TrackId(input.RunId) };

        foreach (var job in input.Jobs)
        {
            long errors = 0;
            await foreach (var error in _zuora.GetJobErrorsAsync(job.JobId, options, cancellationToken))
            {
                var row = error.Row >= 2 ? job.FirstRow + (error.Row - 2) : error.Row;
                spool.Add(new ReportError(row, error.Code, error.Message));
                errors++;
            }

            counts.Add(new ChunkErrorCount(job.Chunk, errors));
        }

        return counts;
    }

    /// <summary>
    /// The version of the input the run started with, or, when it was replaced or deleted during the run, the
    /// run's staged chunks: same rows, comma-separated. The failed rows are reported either way.
    /// </summary>
    private async Task<(Stream Content, char? Delimiter, bool Staged)> OpenOriginalAsync(
        WriteReportsInput input,
        BlobContainerClient output,
        CancellationToken cancellationToken)
    {
        var source = _blobs.GetBlobContainerClient(input.Container).GetBlobClient(input.BlobName);
        try
        {
            return (await BlobStreams.OpenReadAsync(source, input.ETag, cancellationToken), input.Delimiter, false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412 && input.ChunkCount > 0)
        {
            ActivityLog.ReportsFromStagedCopy(_logger, input.RunId, input.BlobName, ex.Status);
            return (new StagedChunksStream(output, input.RunId, input.ChunkCount), ',', true);
        }
    }
}
