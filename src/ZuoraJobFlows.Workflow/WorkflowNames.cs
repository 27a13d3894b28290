namespace ZuoraJobFlows.Workflow;

/// <summary>
/// The names under which orchestrators, activities and events are registered. The Functions app declares its
/// functions with exactly these names, so both hosts run the same workflow.
/// </summary>
public static class WorkflowNames
{
    public const string ImportCsvOrchestrator = nameof(ImportCsvOrchestrator);
    public const string BulkJobOrchestrator = nameof(BulkJobOrchestrator);
    public const string DeleteRecordsOrchestrator = nameof(DeleteRecordsOrchestrator);

    public const string PrepareImport = nameof(PrepareImport);
    public const string SubmitJob = nameof(SubmitJob);
    public const string UploadChunk = nameof(UploadChunk);
    public const string GetJobStatus = nameof(GetJobStatus);
    public const string CancelJob = nameof(CancelJob);
    public const string WriteReports = nameof(WriteReports);
    public const string WriteSummary = nameof(WriteSummary);
    public const string CleanupStaging = nameof(CleanupStaging);

    /// <summary>External event that asks a run (and its jobs) to stop.</summary>
    public const string CancelRequestedEvent = "CancelRequested";

    /// <summary>External event a job orchestration sends its parent when its phase changes.</summary>
    public const string JobProgressEvent = "JobProgress";
}
