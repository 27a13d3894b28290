using Microsoft.DurableTask;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>
/// Imports one CSV blob: inspect and stage chunks, run one <see cref="BulkJobOrchestrator"/> per chunk, collect the
/// row errors into <c>errors.csv</c> and <c>retry.csv</c>, and end with <c>summary.json</c> whatever happened.
/// </summary>
public sealed class ImportCsvOrchestrator : TaskOrchestrator<ImportRunInput, ImportRunResult>
{
    public override Task<ImportRunResult> RunAsync(TaskOrchestrationContext context, ImportRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        return new ImportRun(context, input).RunAsync();
    }
}
