using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Api;

internal static class RunViewBuilder
{
    public static bool IsRun(OrchestrationMetadata metadata) =>
        metadata.Name is WorkflowNames.ImportCsvOrchestrator or WorkflowNames.DeleteRecordsOrchestrator;

    public static RunView Build(OrchestrationMetadata metadata, string outputContainer)
    {
        var isImport = metadata.Name == WorkflowNames.ImportCsvOrchestrator;
        var custom = TryRead(() => metadata.ReadCustomStatusAs<RunCustomStatus>());
        var output = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? TryRead(() => metadata.ReadOutputAs<ImportRunResult>())
            : null;
        var importInput = isImport ? TryRead(() => metadata.ReadInputAs<ImportRunInput>()) : null;
        var deleteInput = isImport ? null : TryRead(() => metadata.ReadInputAs<DeleteRecordsInput>());
        var container = importInput?.Settings.OutputContainer ?? deleteInput?.Settings.OutputContainer
            ?? outputContainer;

        var folder = output?.ResultFolder ?? (importInput is not null
            ? ResultPaths.ResultFolder(importInput.Operation, importInput.Object, importInput.BlobName,
                metadata.InstanceId)
            : deleteInput is not null ? ResultPaths.DeleteResultFolder(deleteInput.Object, metadata.InstanceId) : null);
        var jobs = custom?.Jobs ?? [];

        return new RunView
        {
            Id = metadata.InstanceId,
            Kind = isImport ? "import" : "delete",
            RuntimeStatus = metadata.RuntimeStatus,
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            Phase = custom?.Phase,
            Status = output?.Status,
            Reason = output?.Reason ?? custom?.Reason ?? metadata.FailureDetails?.ErrorMessage,
            Container = importInput?.Container,
            BlobName = importInput?.BlobName,
            Object = importInput?.Object ?? deleteInput?.Object,
            Operation = importInput?.Operation ?? (deleteInput is null ? null : "delete"),
            ChunksTotal = custom?.ChunksTotal ?? 0,
            ChunksDone = custom?.ChunksDone ?? 0,
            RecordsProcessed = output?.RecordsProcessed ?? custom?.RecordsProcessed ?? 0,
            FailedRecords = output?.FailedRecords,
            JobIds = [.. jobs.Where(j => j.JobId is not null).Select(j => j.JobId!)],
            Jobs = jobs,
            Results = folder is null
                ? null
                : new RunLinks(
                    container,
                    folder,
                    output?.SummaryBlob ?? $"{folder}/{ResultPaths.SummaryFileName}",
                    output?.ErrorsBlob,
                    output?.RetryBlob),
            StatusUri = ImportApi.StatusUri(metadata.InstanceId),
        };
    }

    // A value written by an older version of the app must not turn a status query into a 500.
    internal static T? TryRead<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException
            or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }
}
