using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Follows a run of the runner hosted in this process, through the same view the HTTP API returns.</summary>
internal sealed class InProcessRunTracker(ImportApi importApi, DurableTaskClient client, string runId) : IRunTracker
{
    public async Task<RunSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var result = await importApi.GetImportAsync(client, runId, cancellationToken).ConfigureAwait(false);
        return result.Body is RunView run
            ? RunViewSnapshot.From(run)
            : new RunSnapshot { RuntimeStatus = "Pending", Phase = "Starting" };
    }
}
