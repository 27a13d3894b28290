using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;

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
            JobIds = run.JobIds,
            IsFinished = finished,
            FailureDetails = run.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? null : run.Reason,
        };
    }
}
