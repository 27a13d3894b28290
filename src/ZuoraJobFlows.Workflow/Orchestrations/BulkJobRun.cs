using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Activities;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>One execution (generation) of <see cref="BulkJobOrchestrator"/>; rebuilt on every replay.</summary>
internal sealed class BulkJobRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly BulkJobInput _input;
    private readonly RunSettings _settings;
    private readonly TaskOptions _retry;
    private readonly Task<CancelSignal>? _cancelRequested;
    private BulkJobState _state;
    private int _waitsThisGeneration;

    public BulkJobRun(TaskOrchestrationContext context, BulkJobInput input)
    {
        _context = context;
        _input = input;
        _settings = input.Settings;
        _retry = ActivityRetry.For(input.Settings);
        _state = input.State ?? new BulkJobState { NextDelay = input.Settings.PollInitialDelay };

        // A cancel already seen by an earlier generation was acted on; nothing more to wait for.
        _cancelRequested = _state.CancelRequested
            ? null
            : context.WaitForExternalEvent<CancelSignal>(WorkflowNames.CancelRequestedEvent);
    }

    private bool CancelArrived => _cancelRequested is { IsCompleted: true } && !_state.CancelRequested;

    public async Task<BulkJobResult> RunAsync()
    {
        if (_state.JobId is null)
        {
            var ended = await SubmitAsync();
            if (ended is not null)
            {
                return ended;
            }
        }

        if (!_state.Uploaded && _input.ChunkBlob is not null)
        {
            var ended = await UploadAsync();
            if (ended is not null)
            {
                return ended;
            }
        }

        return await PollAsync();
    }

    private async Task<BulkJobResult?> SubmitAsync()
    {
        var submit = new SubmitJobInput
        {
            RunId = _input.RunId,
            Chunk = _input.Chunk,
            Object = _input.Object,
            Operation = _input.Operation,
            Filter = _input.Filter,
        };

        while (!ShouldContinueAsNew())
        {
            if (CancelArrived)
            {
                return End(JobOutcome.Cancelled, reason: "Cancelled on request before a Zuora job was created.");
            }

            var result = await _context.CallActivityAsync<SubmitJobResult>(WorkflowNames.SubmitJob, submit, _retry);
            switch (result.Outcome)
            {
                case SubmitOutcome.Submitted:
                    _state = _state with { JobId = result.JobId };
                    return null;

                case SubmitOutcome.Refused:
                    return End(
                        JobOutcome.Failed,
                        reason: $"Zuora refused the job: {result.ErrorCode} {result.ErrorMessage}".TrimEnd(),
                        errorCode: result.ErrorCode,
                        errorMessage: result.ErrorMessage);

                default:
                    SetPhase(RunPhase.WaitingForSlot);
                    _state = _state with { SlotWaits = _state.SlotWaits + 1 };
                    var delay = SlotDelay(_state.SlotWaits);
                    var logger = _context.CreateReplaySafeLogger<BulkJobOrchestrator>();
                    OrchestrationLog.WaitingForSlot(logger, _input.RunId, _input.Chunk, delay);
                    if (await WaitAsync(delay))
                    {
                        return End(JobOutcome.Cancelled,
                            reason: "Cancelled on request while waiting for a Zuora slot.");
                    }

                    break;
            }
        }

        return ContinueAsNew();
    }

    private async Task<BulkJobResult?> UploadAsync()
    {
        SetPhase(RunPhase.Uploading);
        var upload = new UploadChunkInput
        {
            RunId = _input.RunId,
            Chunk = _input.Chunk,
            JobId = _state.JobId!,
            Container = _input.Container!,
            ChunkBlob = _input.ChunkBlob!,
        };
        var waitingSince = _context.CurrentUtcDateTime;

        while (!ShouldContinueAsNew())
        {
            if (CancelArrived)
            {
                return await CancelAsync("Cancelled on request before the file was uploaded.");
            }

            var result = await _context.CallActivityAsync<UploadChunkResult>(WorkflowNames.UploadChunk, upload, _retry);
            switch (result.Outcome)
            {
                case UploadOutcome.Uploaded:
                case UploadOutcome.AlreadyUploaded:
                    _state = _state with { Uploaded = true };
                    return null;

                case UploadOutcome.Refused:
                    await CancelIfPossibleAsync();
                    return End(
                        JobOutcome.Failed,
                        reason: $"Zuora refused the file: {result.ErrorCode} {result.ErrorMessage}".TrimEnd(),
                        errorCode: result.ErrorCode,
                        errorMessage: result.ErrorMessage);

                default:
                    if (_context.CurrentUtcDateTime - waitingSince >= _settings.PollTimeout)
                    {
                        await CancelIfPossibleAsync();
                        return End(JobOutcome.Failed, reason: "The Zuora job never became ready for its file.");
                    }

                    if (await WaitAsync(_settings.PollInitialDelay))
                    {
                        return await CancelAsync("Cancelled on request before the file was uploaded.");
                    }

                    break;
            }
        }

        return ContinueAsNew();
    }

    private async Task<BulkJobResult> PollAsync()
    {
        SetPhase(RunPhase.WaitingForZuora);
        if (_state.PollingStartedAt is null)
        {
            _state = _state with { PollingStartedAt = _context.CurrentUtcDateTime };
        }

        var request = new JobRequest { RunId = _input.RunId, JobId = _state.JobId! };
        while (!ShouldContinueAsNew())
        {
            if (await WaitAsync(_state.NextDelay))
            {
                var afterCancel = await _context.CallActivityAsync<JobStatusResult>(
                    WorkflowNames.CancelJob, request, _retry);
                if (afterCancel.Status.IsFinal())
                {
                    return Ended(afterCancel);
                }

                // Zuora cannot cancel a job that is processing; follow it to its end so the report is complete.
            }

            var status = await _context.CallActivityAsync<JobStatusResult>(WorkflowNames.GetJobStatus, request, _retry);
            _state = _state with { Polls = _state.Polls + 1 };
            if (status.Status.IsFinal())
            {
                return Ended(status);
            }

            if (_context.CurrentUtcDateTime - _state.PollingStartedAt!.Value >= _settings.PollTimeout)
            {
                return await TimedOutAsync(status);
            }

            var doubled = _state.NextDelay * 2;
            _state = _state with { NextDelay = doubled > _settings.PollMaxDelay ? _settings.PollMaxDelay : doubled };
        }

        return ContinueAsNew();
    }

    private async Task<BulkJobResult> TimedOutAsync(JobStatusResult status)
    {
        var logger = _context.CreateReplaySafeLogger<BulkJobOrchestrator>();
        OrchestrationLog.JobTimedOut(logger, _input.RunId, status.JobId, _settings.PollTimeout);
        var after = await CancelIfPossibleAsync() ?? status;
        var outcome = after.Status == BulkJobStatus.Cancelled
            ? "it was cancelled"
            : $"it was still {after.Status} and could not be cancelled";
        return End(
            JobOutcome.Failed,
            reason: $"Zuora job {status.JobId} did not finish within {_settings.PollTimeout}; {outcome}.",
            status: after);
    }

    private async Task<BulkJobResult> CancelAsync(string reason)
    {
        var after = await CancelIfPossibleAsync();
        return End(JobOutcome.Cancelled, reason: reason, status: after);
    }

    private async Task<JobStatusResult?> CancelIfPossibleAsync()
    {
        if (_state.JobId is null)
        {
            return null;
        }

        var request = new JobRequest { RunId = _input.RunId, JobId = _state.JobId };
        return await _context.CallActivityAsync<JobStatusResult>(WorkflowNames.CancelJob, request, _retry);
    }

    /// <summary>Waits on a durable timer; returns true when a cancel request arrived first.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay)
    {
        _waitsThisGeneration++;
        if (_cancelRequested is null || _state.CancelRequested)
        {
            await _context.CreateTimer(delay, CancellationToken.None);
            return false;
        }

        using var timerCancellation = new CancellationTokenSource();
        var timer = _context.CreateTimer(delay, timerCancellation.Token);
        var first = await Task.WhenAny(timer, _cancelRequested);
        if (first != _cancelRequested)
        {
            return false;
        }

        // Synchronous on purpose: CancelAsync would resume this orchestrator on a thread-pool thread, outside the
        // orchestration's own scheduler, and its next actions would be lost.
#pragma warning disable CA1849
        timerCancellation.Cancel();
#pragma warning restore CA1849
        _state = _state with { CancelRequested = true };
        var logger = _context.CreateReplaySafeLogger<BulkJobOrchestrator>();
        OrchestrationLog.CancelRequested(logger, _input.RunId);
        return true;
    }

    private bool ShouldContinueAsNew() => _waitsThisGeneration >= _settings.PollsPerGeneration;

    private BulkJobResult ContinueAsNew()
    {
        var next = _state with { Generation = _state.Generation + 1 };
        var logger = _context.CreateReplaySafeLogger<BulkJobOrchestrator>();
        OrchestrationLog.ContinuedAsNew(logger, _input.RunId, next.JobId, next.Polls, next.Generation);
        _context.ContinueAsNew(_input with { State = next }, preserveUnprocessedEvents: true);

        // Ignored: the orchestration goes on as a new generation.
        return new BulkJobResult { Chunk = _input.Chunk, Outcome = JobOutcome.Failed, JobId = _state.JobId };
    }

    private BulkJobResult Ended(JobStatusResult status)
    {
        var logger = _context.CreateReplaySafeLogger<BulkJobOrchestrator>();
        OrchestrationLog.JobEnded(logger, _input.RunId, status.JobId, status.Status, _state.Polls);
        return status.Status switch
        {
            BulkJobStatus.Completed => End(JobOutcome.Completed, status: status),
            BulkJobStatus.Cancelled => End(
                JobOutcome.Cancelled,
                reason: _state.CancelRequested
                    ? "Cancelled on request."
                    : $"Zuora job {status.JobId} was cancelled outside this run.",
                status: status),
            _ => End(
                JobOutcome.Failed,
                reason: $"Zuora job {status.JobId} failed: {status.ErrorCode} {status.ErrorMessage}".TrimEnd(),
                status: status,
                errorCode: status.ErrorCode,
                errorMessage: status.ErrorMessage),
        };
    }

    private BulkJobResult End(
        JobOutcome outcome,
        string? reason = null,
        JobStatusResult? status = null,
        string? errorCode = null,
        string? errorMessage = null)
    {
        SetPhase(RunPhase.Finished, status);
        return new BulkJobResult
        {
            Chunk = _input.Chunk,
            Outcome = outcome,
            JobId = _state.JobId,
            JobStatus = status?.Status,
            RecordsProcessed = status?.RecordsProcessed ?? 0,
            ProcessingTimeMs = status?.ProcessingTimeMs,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            Reason = reason,
            Polls = _state.Polls,
            Generations = _state.Generation + 1,
        };
    }

    /// <summary>Shows the phase in this job's custom status and tells the run, once per change.</summary>
    private void SetPhase(RunPhase phase, JobStatusResult? status = null)
    {
        if (_state.Phase == phase)
        {
            return;
        }

        _state = _state with { Phase = phase };
        var progress = new JobProgress
        {
            Chunk = _input.Chunk,
            Phase = phase,
            JobId = _state.JobId,
            JobStatus = status?.Status,
            RecordsProcessed = status?.RecordsProcessed ?? 0,
        };
        _context.SetCustomStatus(progress);

        // Finished is reported by the job's result; the run needs only the phases in between.
        if (phase != RunPhase.Finished && _context.InstanceId != _input.RunId)
        {
            _context.SendEvent(_input.RunId, WorkflowNames.JobProgressEvent, progress);
        }
    }

    private TimeSpan SlotDelay(int waits)
    {
        var delay = _settings.SlotWaitInitialDelay;
        for (var i = 1; i < waits && delay < _settings.SlotWaitMaxDelay; i++)
        {
            delay *= 2;
        }

        delay = delay > _settings.SlotWaitMaxDelay ? _settings.SlotWaitMaxDelay : delay;

        // Spread the runs that wait together, the same way on every replay.
        var spread = StableFraction($"{_input.RunId}:{_input.Chunk}:{waits}");
        return delay * (0.8 + (0.4 * spread));
    }

    private static double StableFraction(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (hash % 10_000) / 10_000.0;
    }
}
