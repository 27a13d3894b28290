using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Activities;

public sealed record JobRequest
{
    public required string RunId { get; init; }

    public required string JobId { get; init; }
}

public sealed record JobStatusResult
{
    public required string JobId { get; init; }

    public required BulkJobStatus Status { get; init; }

    public long RecordsProcessed { get; init; }

    public long? ProcessingTimeMs { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public static JobStatusResult From(BulkJob job)
    {
        ArgumentNullException.ThrowIfNull(job);

        return new JobStatusResult
        {
            JobId = job.Id,
            Status = job.Status,
            RecordsProcessed = job.RecordsProcessed ?? 0,
            ProcessingTimeMs = job.ProcessingTime,
            ErrorCode = job.Error?.Code,
            ErrorMessage = job.Error?.Message,
        };
    }
}
