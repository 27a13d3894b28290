using Microsoft.Azure.Functions.Worker;
using ZuoraJobFlows.Workflow;
using ZuoraJobFlows.Workflow.Activities;

namespace ZuoraJobFlows.Functions.Durable;

/// <summary>
/// One function per workflow activity, each handing its input to the same DI service the local runner uses.
/// </summary>
public sealed class ActivityFunctions(
    PrepareImportActivity prepareImport,
    SubmitJobActivity submitJob,
    UploadChunkActivity uploadChunk,
    GetJobStatusActivity getJobStatus,
    CancelJobActivity cancelJob,
    WriteReportsActivity writeReports,
    WriteSummaryActivity writeSummary,
    CleanupStagingActivity cleanupStaging)
{
    private readonly PrepareImportActivity _prepareImport = prepareImport;
    private readonly SubmitJobActivity _submitJob = submitJob;
    private readonly UploadChunkActivity _uploadChunk = uploadChunk;
    private readonly GetJobStatusActivity _getJobStatus = getJobStatus;
    private readonly CancelJobActivity _cancelJob = cancelJob;
    private readonly WriteReportsActivity _writeReports = writeReports;
    private readonly WriteSummaryActivity _writeSummary = writeSummary;
    private readonly CleanupStagingActivity _cleanupStaging = cleanupStaging;

    [Function(WorkflowNames.PrepareImport)]
    public Task<PrepareImportResult> PrepareImportAsync(
        [ActivityTrigger] PrepareImportInput input, CancellationToken cancellationToken) =>
        _prepareImport.RunAsync(input, cancellationToken);

    [Function(WorkflowNames.SubmitJob)]
    public Task<SubmitJobResult> SubmitJobAsync(
        [ActivityTrigger] SubmitJobInput input, CancellationToken cancellationToken) =>
        _submitJob.RunAsync(input, cancellationToken);

    [Function(WorkflowNames.UploadChunk)]
    public Task<UploadChunkResult> UploadChunkAsync(
        [ActivityTrigger] UploadChunkInput input, CancellationToken cancellationToken) =>
        _uploadChunk.RunAsync(input, cancellationToken);

    [Function(WorkflowNames.GetJobStatus)]
    public Task<JobStatusResult> GetJobStatusAsync(
        [ActivityTrigger] JobRequest input, CancellationToken cancellationToken) =>
        _getJobStatus.RunAsync(input, cancellationToken);

    [Function(WorkflowNames.CancelJob)]
    public Task<JobStatusResult> CancelJobAsync(
        [ActivityTrigger] JobRequest input, CancellationToken cancellationToken) =>
        _cancelJob.RunAsync(input, cancellationToken);

    [Function(WorkflowNames.WriteReports)]
    public Task<WriteReportsResult> WriteReportsAsync(
        [ActivityTrigger] WriteReportsInput input, CancellationToken cancellationToken) =>
        _writeReports.RunAsync(input, cancellationToken);

    [Function(WorkflowNames.WriteSummary)]
    public Task<string> WriteSummaryAsync(
        [ActivityTrigger] WriteSummaryInput input, CancellationToken cancellationToken) =>
        _writeSummary.RunAsync(input, cancellationToken);

    [Function(WorkflowNames.CleanupStaging)]
    public Task<int> CleanupStagingAsync(
        [ActivityTrigger] CleanupStagingInput input, CancellationToken cancellationToken) =>
        _cleanupStaging.RunAsync(input, cancellationToken);
}
