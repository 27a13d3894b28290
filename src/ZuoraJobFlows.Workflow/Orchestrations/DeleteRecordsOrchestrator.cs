using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Activities;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>
/// Deletes the records of a custom object that match a filter: one Zuora delete job run by
/// <see cref="BulkJobOrchestrator"/>, then <c>summary.json</c> under <c>delete/{object}/{instanceId}/</c>.
/// </summary>
public sealed class DeleteRecordsOrchestrator : TaskOrchestrator<DeleteRecordsInput, ImportRunResult>
{
    public override async Task<ImportRunResult> RunAsync(TaskOrchestrationContext context, DeleteRecordsInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var logger = context.CreateReplaySafeLogger<DeleteRecordsOrchestrator>();
        var retry = ActivityRetry.For(input.Settings);
        var startedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        var cancelRequested = context.WaitForExternalEvent<CancelSignal>(WorkflowNames.CancelRequestedEvent);
        var folder = ResultPaths.DeleteResultFolder(input.Object, context.InstanceId);
        var summaryBlob = $"{folder}/{ResultPaths.SummaryFileName}";

        BulkJobResult result;
        var supervisor = new JobSupervisor(context, input.Settings, cancelRequested, s => context.SetCustomStatus(s));
        try
        {
            var job = new BulkJobInput
            {
                RunId = input.RunId,
                Chunk = 1,
                Object = input.Object,
                Operation = BulkJobOperation.Delete,
                Filter = input.Filter,
                Settings = input.Settings,
            };
            var results = await supervisor.RunAsync([job]);
            result = results.TryGetValue(1, out var r)
                ? r
                : new BulkJobResult
                {
                    Chunk = 1,
                    Outcome = JobOutcome.Cancelled,
                    Reason = "Cancelled on request before a Zuora job was created.",
                };
        }
        catch (TaskFailedException ex)
        {
            OrchestrationLog.RunFailed(logger, ex, input.RunId);
            result = new BulkJobResult { Chunk = 1, Outcome = JobOutcome.Failed, Reason = FailureText.Describe(ex) };
        }

        var status = result.Outcome switch
        {
            JobOutcome.Completed => RunStatus.Completed,
            JobOutcome.Cancelled => RunStatus.Cancelled,
            _ => RunStatus.Failed,
        };
        var summary = new RunSummary
        {
            RunId = input.RunId,
            Object = input.Object,
            Operation = "delete",
            Status = status,
            Reason = result.Reason,
            Error = result.ErrorCode is null && result.ErrorMessage is null
                ? null
                : new SummaryError(result.ErrorCode, result.ErrorMessage),
            Filter = input.Filter,
            Jobs = result.JobId is null
                ? []
                :
                [
                    new JobSummary
                    {
                        Id = result.JobId,
                        Chunk = 1,
                        Status = result.JobStatus,
                        RecordsProcessed = result.RecordsProcessed,
                        ProcessingTimeMs = result.ProcessingTimeMs,
                    },
                ],
            RecordsProcessed = result.RecordsProcessed,
            StartedAt = startedAt,
            FinishedAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero),
        };

        await context.CallActivityAsync<string>(
            WorkflowNames.WriteSummary,
            new WriteSummaryInput { OutputContainer = input.Settings.OutputContainer, SummaryBlob = summaryBlob,
                Summary = summary },
            retry);

        context.SetCustomStatus(new RunCustomStatus
        {
            Phase = RunPhase.Finished,
            ChunksTotal = 1,
            ChunksDone = 1,
            RecordsProcessed = result.RecordsProcessed,
            Reason = result.Reason,
        });
        OrchestrationLog.RunFinished(logger, input.RunId, status, result.Reason);
        return new ImportRunResult
        {
            Status = status,
            Reason = result.Reason,
            ResultFolder = folder,
            SummaryBlob = summaryBlob,
            RecordsProcessed = result.RecordsProcessed,
        };
    }
}
