using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Turns the API's run view (GET /api/imports/{id}) into what the progress display shows.</summary>
internal static class RunViewSnapshot
{
    public static RunSnapshot From(RunView run)
    {
        var finished = run.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
            or OrchestrationRuntimeStatus.Terminated;
        return new RunSnapshot
        {
            RuntimeStatus = run.RuntimeStatus.ToString(),
            Phase = run.Phase?.ToString() ?? (finished ? "Finished" : "Starting"),
            ChunksDone = run.ChunksDone,
            ChunksTotal = run.ChunksTotal,
            RecordsProcessed = run.RecordsProcessed,
            ActiveJobIds = ActiveJobIds(run),
            IsFinished = finished,
            FailureDetails = run.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? null : run.Reason,
        };
    }

    private static string[] ActiveJobIds(RunView run) =>
    [
        .. run.Jobs
            .Where(job => job.JobId is not null && job.Phase != RunPhase.Finished
                && job.JobStatus is null or BulkJobStatus.Accepted or BulkJobStatus.Pending or BulkJobStatus.InProgress)
            .OrderBy(job => job.Chunk)
            .Select(job => job.JobId!),
    ];
}
