using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Activities;
using ZuoraJobFlows.Workflow.Reports;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>One execution of <see cref="ImportCsvOrchestrator"/>; rebuilt on every replay.</summary>
internal sealed class ImportRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly ImportRunInput _input;
    private readonly RunSettings _settings;
    private readonly TaskOptions _retry;
    private readonly Task<CancelSignal> _cancelRequested;
    private readonly DateTimeOffset _startedAt;
    private readonly string _resultFolder;
    private PrepareImportResult? _prepared;
    private IReadOnlyDictionary<int, BulkJobResult> _results = new Dictionary<int, BulkJobResult>();
    private WriteReportsResult? _reports;
    private RunCustomStatus _status = new() { Phase = RunPhase.Inspecting };

    public ImportRun(TaskOrchestrationContext context, ImportRunInput input)
    {
        _context = context;
        _input = input;
        _settings = input.Settings;
        _retry = ActivityRetry.For(input.Settings);
        _cancelRequested = context.WaitForExternalEvent<CancelSignal>(WorkflowNames.CancelRequestedEvent);
        _startedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        _resultFolder = ResultPaths.ResultFolder(input.Operation, input.Object, input.BlobName, context.InstanceId);
    }

    public async Task<ImportRunResult> RunAsync()
    {
        var logger = _context.CreateReplaySafeLogger<ImportCsvOrchestrator>();
        OrchestrationLog.ImportStarted(logger, _input.RunId, _input.BlobName, _input.Operation, _input.Object);
        Publish(_status);

        try
        {
            return await ImportAsync();
        }
        catch (TaskFailedException ex)
        {
            OrchestrationLog.RunFailed(logger, ex, _input.RunId);
            return await FinishAsync(RunStatus.Failed, FailureText.Describe(ex));
        }
    }

    private async Task<ImportRunResult> ImportAsync()
    {
        BulkJobOperation? operation = _input.Operation switch
        {
            "create" => BulkJobOperation.Create,
            "update" => BulkJobOperation.Update,
            _ => null,
        };
        if (operation is null)
        {
            return await FinishAsync(
                RunStatus.Rejected,
                $"Unknown operation folder '{_input.Operation}': put the file under 'create/' or 'update/'.");
        }

        _prepared = await _context.CallActivityAsync<PrepareImportResult>(
            WorkflowNames.PrepareImport,
            new PrepareImportInput
            {
                RunId = _input.RunId,
                Container = _input.Container,
                BlobName = _input.BlobName,
                ETag = _input.ETag,
                Operation = operation.Value,
                Object = _input.Object,
                Delimiter = _input.Delimiter,
                OutputContainer = _settings.OutputContainer,
                MaxChunkBytes = _settings.MaxChunkBytes,
            },
            _retry);

        if (!_prepared.Accepted)
        {
            return await FinishAsync(RunStatus.Rejected, _prepared.Reason);
        }

        if (_cancelRequested.IsCompleted)
        {
            return await FinishAsync(RunStatus.Cancelled, "Cancelled on request before any Zuora job was created.");
        }

        var supervisor = new JobSupervisor(_context, _settings, _cancelRequested, Publish);
        _results = await supervisor.RunAsync([.. _prepared.Chunks.Select(c => JobInput(c, operation.Value))]);

        Publish(_status with { Phase = RunPhase.CollectingErrors });
        var reportJobs = _prepared.Chunks
            .Where(c => _results.TryGetValue(c.Chunk, out var r) && r.JobId is not null
                && r.JobStatus is BulkJobStatus.Completed or BulkJobStatus.Failed)
            .Select(c => new ReportJob(c.Chunk, _results[c.Chunk].JobId!, c.FirstRow))
            .ToList();

        // A run that stopped early (cancelled, or a failed chunk) lists the rows Zuora never saw in retry.csv too.
        // Only rows that surely were not loaded: a job still accepted or in progress when the run gave up on it
        // may yet load its rows, and listing them would make a retry create them twice.
        var unsentRows = _prepared.Chunks
            .Where(c => c.Records > 0 && NeverProcessed(c.Chunk))
            .Select(c => new RowRange(c.FirstRow, c.LastRow))
            .ToList();
        if (reportJobs.Count > 0 || unsentRows.Count > 0)
        {
            _reports = await _context.CallActivityAsync<WriteReportsResult>(
                WorkflowNames.WriteReports,
                new WriteReportsInput
                {
                    RunId = _input.RunId,
                    Container = _input.Container,
                    BlobName = _input.BlobName,
                    ETag = _input.ETag,
                    Delimiter = _prepared.Delimiter,
                    OutputContainer = _settings.OutputContainer,
                    ResultFolder = _resultFolder,
                    ChunkCount = _prepared.Chunks.Count,
                    Jobs = reportJobs,
                    UnsentRows = unsentRows,
                },
                _retry);
        }

        Publish(_status with { Phase = RunPhase.WritingResults });
        var (status, reason, error) = Conclude(supervisor.Cancelled);
        if (_reports is { UnsentRecords: > 0 } unsent)
        {
            reason = $"{reason} The {unsent.UnsentRecords} row(s) Zuora never processed are in retry.csv "
                + $"(code {UnsentRows.Code} in errors.csv).";
        }

        if (_reports is { FromStagedCopy: true })
        {
            const string note = "The input blob was replaced or deleted during the run, so errors.csv and retry.csv "
                + "were written from the run's staged copy (comma-separated).";
            reason = reason is null ? note : $"{reason} {note}";
        }

        return await FinishAsync(status, reason, error);
    }

    // No job, a job that never got its file, or a job Zuora cancelled before processing it.
    private bool NeverProcessed(int chunk) =>
        !_results.TryGetValue(chunk, out var result)
        || result.JobId is null
        || result.JobStatus is BulkJobStatus.Pending or BulkJobStatus.Cancelled;

    private BulkJobInput JobInput(ChunkPlan chunk, BulkJobOperation operation) => new()
    {
        RunId = _input.RunId,
        Chunk = chunk.Chunk,
        Object = _input.Object,
        Operation = operation,
        Container = _settings.OutputContainer,
        ChunkBlob = chunk.BlobName,
        Settings = _settings,
    };

    private (RunStatus Status, string? Reason, SummaryError? Error) Conclude(bool cancelled)
    {
        var chunks = _prepared!.Chunks;
        var notStarted = chunks.Count(c => !_results.ContainsKey(c.Chunk));
        var failed = chunks
            .Select(c => _results.TryGetValue(c.Chunk, out var r) ? (Chunk: c, Result: r) : default)
            .FirstOrDefault(x => x.Result is { Outcome: JobOutcome.Failed });

        if (cancelled || _results.Values.Any(r => r.Outcome == JobOutcome.Cancelled))
        {
            var done = _results.Values.Count(r => r.Outcome == JobOutcome.Completed);
            return (RunStatus.Cancelled, $"Cancelled on request; {done} of {chunks.Count} chunk(s) were processed.",
                null);
        }

        if (failed.Result is not null)
        {
            var reason = $"Chunk {failed.Chunk.Chunk} (rows {failed.Chunk.FirstRow}-{failed.Chunk.LastRow}): "
                + failed.Result.Reason;
            if (notStarted > 0)
            {
                reason += $" {notStarted} later chunk(s) were not submitted.";
            }

            var error = failed.Result.ErrorCode is null && failed.Result.ErrorMessage is null
                ? null
                : new SummaryError(failed.Result.ErrorCode, failed.Result.ErrorMessage);
            return (RunStatus.Failed, reason, error);
        }

        var failedRecords = _reports?.FailedRecords ?? 0;
        return failedRecords > 0
            ? (RunStatus.CompletedWithErrors,
                $"{failedRecords} of {_prepared.Records} record(s) failed; see errors.csv.", null)
            : (RunStatus.Completed, null, null);
    }

    private async Task<ImportRunResult> FinishAsync(RunStatus status, string? reason, SummaryError? error = null)
    {
        var summaryBlob = $"{_resultFolder}/{ResultPaths.SummaryFileName}";
        var summary = BuildSummary(status, reason, error);

        await _context.CallActivityAsync<string>(
            WorkflowNames.WriteSummary,
            new WriteSummaryInput { OutputContainer = _settings.OutputContainer, SummaryBlob = summaryBlob,
                Summary = summary },
            _retry);

        if (_prepared is not null)
        {
            await _context.CallActivityAsync<int>(
                WorkflowNames.CleanupStaging,
                new CleanupStagingInput { RunId = _input.RunId, OutputContainer = _settings.OutputContainer },
                _retry);
        }

        Publish(_status with { Phase = RunPhase.Finished, Reason = reason });
        var logger = _context.CreateReplaySafeLogger<ImportCsvOrchestrator>();
        OrchestrationLog.RunFinished(logger, _input.RunId, status, reason);
        return new ImportRunResult
        {
            Status = status,
            Reason = reason,
            ResultFolder = _resultFolder,
            SummaryBlob = summaryBlob,
            ErrorsBlob = _reports?.ErrorsBlob,
            RetryBlob = _reports?.RetryBlob,
            RecordsProcessed = summary.RecordsProcessed,
            FailedRecords = summary.FailedRecords,
        };
    }

    private RunSummary BuildSummary(RunStatus status, string? reason, SummaryError? error)
    {
        var errorsByChunk = (_reports?.ErrorsByChunk ?? []).ToDictionary(c => c.Chunk, c => c.Errors);
        var jobs = (_prepared?.Chunks ?? [])
            .Select(c =>
            {
                _results.TryGetValue(c.Chunk, out var r);
                return new JobSummary
                {
                    Id = r?.JobId,
                    Chunk = c.Chunk,
                    FirstRow = c.FirstRow,
                    LastRow = c.LastRow,
                    Status = r?.JobStatus,
                    RecordsProcessed = r?.RecordsProcessed ?? 0,
                    FailedRecords = errorsByChunk.GetValueOrDefault(c.Chunk),
                    ProcessingTimeMs = r?.ProcessingTimeMs,
                };
            })
            .ToList();

        return new RunSummary
        {
            RunId = _input.RunId,
            Input = new SummaryInput(
                _input.Container, _input.BlobName, _input.ETag, _prepared?.Bytes ?? 0, _prepared?.Records ?? 0),
            Object = _input.Object,
            Operation = _input.Operation,
            Status = status,
            Reason = reason,
            Error = error,
            Jobs = jobs,
            RecordsProcessed = jobs.Sum(j => j.RecordsProcessed),
            FailedRecords = _reports?.FailedRecords ?? 0,
            UnsentRecords = _reports?.UnsentRecords ?? 0,
            StartedAt = _startedAt,
            FinishedAt = new DateTimeOffset(_context.CurrentUtcDateTime, TimeSpan.Zero),
            Reports = new SummaryReports(_reports?.ErrorsBlob, _reports?.RetryBlob),
        };
    }

    private void Publish(RunCustomStatus status)
    {
        _status = status;
        _context.SetCustomStatus(status);
    }
}
