using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Telemetry;
using ZuoraJobFlows.Zuora;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>
/// Cancels a job while Zuora still allows it; a job that has moved on is left alone and its current status returned.
/// </summary>
public sealed class CancelJobActivity(IZuoraClient zuora, ILogger<CancelJobActivity> logger)
{
    private readonly IZuoraClient _zuora = zuora;
    private readonly ILogger<CancelJobActivity> _logger = logger;

    public async Task<JobStatusResult> RunAsync(JobRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        var options = new ZuoraRequestOptions
        {
            IdempotencyKey = JobKeys.CancelKey(input.RunId, input.JobId),
            TrackId = JobKeys.TrackId(input.RunId),
        };

        try
        {
            var current = await _zuora.GetJobAsync(input.JobId, options, cancellationToken);
            if (!current.Status.IsCancellable())
            {
                ActivityLog.JobCancelled(_logger, input.RunId, input.JobId, current.Status);
                return JobStatusResult.From(current);
            }

            var job = await CancelOrReadAsync(input.JobId, options, cancellationToken);
            ActivityLog.JobCancelled(_logger, input.RunId, input.JobId, job.Status);
            return JobStatusResult.From(job);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            ActivityLog.TransientFailure(_logger, ex, input.RunId, WorkflowNames.CancelJob);
            WorkflowTelemetry.RecordRetry(WorkflowNames.CancelJob, "transient");
            throw TransientFailures.Wrap(ex);
        }
    }

    private async Task<BulkJob> CancelOrReadAsync(
        string jobId,
        ZuoraRequestOptions options,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _zuora.CancelJobAsync(jobId, options, cancellationToken);
        }
        catch (ZuoraApiException ex) when (ex.Kind == ZuoraFailureKind.Permanent)
        {
            // The job moved past pending between the read and the cancel; report where it is now.
            return await _zuora.GetJobAsync(jobId, options, cancellationToken);
        }
    }
}
