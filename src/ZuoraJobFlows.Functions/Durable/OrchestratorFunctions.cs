using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ZuoraJobFlows.Workflow;
using ZuoraJobFlows.Workflow.Orchestrations;

namespace ZuoraJobFlows.Functions.Durable;

/// <summary>
/// The workflow's orchestrators under their workflow names; each replay runs a fresh instance of the same
/// class the local runner registers, so both hosts execute identical orchestration code.
/// </summary>
public static class OrchestratorFunctions
{
    [Function(WorkflowNames.ImportCsvOrchestrator)]
    public static Task<ImportRunResult> ImportCsvAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunAsync(new ImportCsvOrchestrator(), context);

    [Function(WorkflowNames.BulkJobOrchestrator)]
    public static Task<BulkJobResult> BulkJobAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunAsync(new BulkJobOrchestrator(), context);

    [Function(WorkflowNames.DeleteRecordsOrchestrator)]
    public static Task<ImportRunResult> DeleteRecordsAsync(
        [OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunAsync(new DeleteRecordsOrchestrator(), context);

    private static Task<TOutput> RunAsync<TInput, TOutput>(
        TaskOrchestrator<TInput, TOutput> orchestrator, TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var input = context.GetInput<TInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.Name} started without an input.");
        return orchestrator.RunAsync(context, input);
    }
}
