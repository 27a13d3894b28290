using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Telemetry;
using ZuoraJobFlows.Zuora;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>
/// Submits one bulk job. Every attempt uses the same idempotency key, so a retry never makes a second job.
/// </summary>
public sealed class SubmitJobActivity(IZuoraClient zuora, ILogger<SubmitJobActivity> logger)
{
    private readonly IZuoraClient _zuora = zuora;
    private readonly ILogger<SubmitJobActivity> _logger = logger;

    public async Task<SubmitJobResult> RunAsync(SubmitJobInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        var request = new BulkJobRequest(input.Object, input.Operation) { Filter = input.Filter };
        var options = new ZuoraRequestOptions
        {
            IdempotencyKey = JobKeys.SubmitKey(input.RunId, input.Chunk),
            TrackId = JobKeys.TrackId(input.RunId),
        };

        try
        {
            var job = await _zuora.SubmitJobAsync(request, options, cancellationToken);
            ActivityLog.JobSubmitted(_logger, input.RunId, input.Chunk, job.Id, job.RequestId);
            return new SubmitJobResult
            {
                Outcome = SubmitOutcome.Submitted,
                JobId = job.Id,
                JobStatus = job.Status,
                RequestId = job.RequestId,
            };
        }
        catch (ZuoraApiException ex) when (ex.Kind == ZuoraFailureKind.JobLimitReached)
        {
            ActivityLog.JobSlotUnavailable(_logger, input.RunId, input.Chunk, ex.RequestId);
            WorkflowTelemetry.RecordRetry(WorkflowNames.SubmitJob, "job_limit");
            return new SubmitJobResult { Outcome = SubmitOutcome.SlotUnavailable, RequestId = ex.RequestId };
        }
        catch (ZuoraApiException ex) when (ex.Kind is ZuoraFailureKind.Permanent or ZuoraFailureKind.NotFound)
        {
            ActivityLog.ZuoraRefused(_logger, ex, input.RunId, WorkflowNames.SubmitJob, ex.Code, ex.RequestId);
            return new SubmitJobResult
            {
                Outcome = SubmitOutcome.Refused,
                ErrorCode = ex.Code,
                ErrorMessage = ZuoraMessages.Describe(ex),
                RequestId = ex.RequestId,
            };
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            ActivityLog.TransientFailure(_logger, ex, input.RunId, WorkflowNames.SubmitJob);
            WorkflowTelemetry.RecordRetry(WorkflowNames.SubmitJob, "transient");
            throw TransientFailures.Wrap(ex);
        }
    }
}
