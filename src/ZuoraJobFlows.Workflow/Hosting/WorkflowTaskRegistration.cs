using ZuoraJobFlows.Workflow;
using ZuoraJobFlows.Workflow.Hosting;
using ZuoraJobFlows.Workflow.Orchestrations;

namespace Microsoft.DurableTask;

/// <summary>Registers the workflow with a standalone Durable Task worker (local runner, tests).</summary>
public static class WorkflowTaskRegistration
{
    /// <summary>
    /// Adds the three orchestrators and every activity under their <see cref="WorkflowNames"/>. The activity services
    /// come from DI (<c>AddZuoraJobFlowsWorkflow</c>).
    /// </summary>
    public static DurableTaskRegistry AddZuoraJobFlowsTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        registry.AddOrchestrator<ImportCsvOrchestrator>(WorkflowNames.ImportCsvOrchestrator);
        registry.AddOrchestrator<BulkJobOrchestrator>(WorkflowNames.BulkJobOrchestrator);
        registry.AddOrchestrator<DeleteRecordsOrchestrator>(WorkflowNames.DeleteRecordsOrchestrator);

        registry.AddActivity<PrepareImportTask>(WorkflowNames.PrepareImport);
        registry.AddActivity<SubmitJobTask>(WorkflowNames.SubmitJob);
        registry.AddActivity<UploadChunkTask>(WorkflowNames.UploadChunk);
        registry.AddActivity<GetJobStatusTask>(WorkflowNames.GetJobStatus);
        registry.AddActivity<CancelJobTask>(WorkflowNames.CancelJob);
        registry.AddActivity<WriteReportsTask>(WorkflowNames.WriteReports);
        registry.AddActivity<WriteSummaryTask>(WorkflowNames.WriteSummary);
        registry.AddActivity<CleanupStagingTask>(WorkflowNames.CleanupStaging);
        return registry;
    }
}
