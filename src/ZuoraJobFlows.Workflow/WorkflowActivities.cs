using ZuoraJobFlows.Workflow.Activities;

namespace ZuoraJobFlows.Workflow;

/// <summary>Every activity: its name, the DI service that runs it, and its input and output types.</summary>
public static class WorkflowActivities
{
    public static IReadOnlyList<WorkflowActivity> All { get; } =
    [
        new(WorkflowNames.PrepareImport, typeof(PrepareImportActivity), typeof(PrepareImportInput),
            typeof(PrepareImportResult)),
        new(WorkflowNames.SubmitJob, typeof(SubmitJobActivity), typeof(SubmitJobInput), typeof(SubmitJobResult)),
        new(WorkflowNames.UploadChunk, typeof(UploadChunkActivity), typeof(UploadChunkInput),
            typeof(UploadChunkResult)),
        new(WorkflowNames.GetJobStatus, typeof(GetJobStatusActivity), typeof(JobRequest), typeof(JobStatusResult)),
        new(WorkflowNames.CancelJob, typeof(CancelJobActivity), typeof(JobRequest), typeof(JobStatusResult)),
        new(WorkflowNames.WriteReports, typeof(WriteReportsActivity), typeof(WriteReportsInput),
            typeof(WriteReportsResult)),
        new(WorkflowNames.WriteSummary, typeof(WriteSummaryActivity), typeof(WriteSummaryInput), typeof(string)),
        new(WorkflowNames.CleanupStaging, typeof(CleanupStagingActivity), typeof(CleanupStagingInput), typeof(int)),
    ];
}

/// <summary>One activity of the workflow.</summary>
public sealed record WorkflowActivity(string Name, Type Service, Type Input, Type Output);
