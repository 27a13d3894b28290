using Microsoft.DurableTask;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>
/// One Zuora bulk job: submit (waiting for a free slot when the tenant is at its limit), upload the chunk, poll
/// with durable timers until the job ends, and cancel it on request or timeout. Continues as new every few polls so
/// its history stays bounded however long Zuora takes.
/// </summary>
public sealed class BulkJobOrchestrator : TaskOrchestrator<BulkJobInput, BulkJobResult>
{
    public override Task<BulkJobResult> RunAsync(TaskOrchestrationContext context, BulkJobInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        return new BulkJobRun(context, input).RunAsync();
    }
}
