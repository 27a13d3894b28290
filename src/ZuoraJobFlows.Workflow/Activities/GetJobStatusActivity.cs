using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Telemetry;
using ZuoraJobFlows.Zuora;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>Reads a job's status for one poll.</summary>
public sealed class GetJobStatusActivity(IZuoraClient zuora, ILogger<GetJobStatusActivity> logger)
{
    private readonly IZuoraClient _zuora = zuora;
    private readonly ILogger<GetJobStatusActivity> _logger = logger;

    public async Task<JobStatusResult> RunAsync(JobRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        try
        {
            var options = new ZuoraRequestOptions { TrackId = JobKeys.TrackId(input.RunId) };
            var job = await _zuora.GetJobAsync(input.JobId, options, cancellationToken);
            var result = JobStatusResult.From(job);

            ActivityLog.JobPolled(_logger, input.RunId, input.JobId, result.Status, result.RecordsProcessed);
            return result;
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            ActivityLog.TransientFailure(_logger, ex, input.RunId, WorkflowNames.GetJobStatus);
            WorkflowTelemetry.RecordRetry(WorkflowNames.GetJobStatus, "transient");
            throw TransientFailures.Wrap(ex);
        }
    }
}
