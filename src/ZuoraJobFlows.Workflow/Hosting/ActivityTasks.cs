using Microsoft.DurableTask;
using ZuoraJobFlows.Workflow.Activities;

namespace ZuoraJobFlows.Workflow.Hosting;

// Thin adapters for the standalone Durable Task worker: each resolves its activity service from DI and calls it.
// The Functions app has its own [ActivityTrigger] adapters over the same services.

internal sealed class PrepareImportTask(PrepareImportActivity activity)
    : TaskActivity<PrepareImportInput, PrepareImportResult>
{
    public override Task<PrepareImportResult> RunAsync(TaskActivityContext context, PrepareImportInput input) =>
        activity.RunAsync(input, CancellationToken.None);
}

internal sealed class SubmitJobTask(SubmitJobActivity activity) : TaskActivity<SubmitJobInput, SubmitJobResult>
{
    public override Task<SubmitJobResult> RunAsync(TaskActivityContext context, SubmitJobInput input) =>
        activity.RunAsync(input, CancellationToken.None);
}

internal sealed class UploadChunkTask(UploadChunkActivity activity)
    : TaskActivity<UploadChunkInput, UploadChunkResult>
{
    public override Task<UploadChunkResult> RunAsync(TaskActivityContext context, UploadChunkInput input) =>
        activity.RunAsync(input, CancellationToken.None);
}

internal sealed class GetJobStatusTask(GetJobStatusActivity activity) : TaskActivity<JobRequest, JobStatusResult>
{
    public override Task<JobStatusResult> RunAsync(TaskActivityContext context, JobRequest input) =>
        activity.RunAsync(input, CancellationToken.None);
}

internal sealed class CancelJobTask(CancelJobActivity activity) : TaskActivity<JobRequest, JobStatusResult>
{
    public override Task<JobStatusResult> RunAsync(TaskActivityContext context, JobRequest input) =>
        activity.RunAsync(input, CancellationToken.None);
}

internal sealed class WriteReportsTask(WriteReportsActivity activity)
    : TaskActivity<WriteReportsInput, WriteReportsResult>
{
    public override Task<WriteReportsResult> RunAsync(TaskActivityContext context, WriteReportsInput input) =>
        activity.RunAsync(input, CancellationToken.None);
}

internal sealed class WriteSummaryTask(WriteSummaryActivity activity) : TaskActivity<WriteSummaryInput, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, WriteSummaryInput input) =>
        activity.RunAsync(input, CancellationToken.None);
}

internal sealed class CleanupStagingTask(CleanupStagingActivity activity) : TaskActivity<CleanupStagingInput, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, CleanupStagingInput input) =>
        activity.RunAsync(input, CancellationToken.None);
}
