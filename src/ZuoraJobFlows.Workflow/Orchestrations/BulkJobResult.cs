using System.Text.Json.Serialization;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>How one chunk's Zuora job ended.</summary>
public sealed record BulkJobResult
{
    public required int Chunk { get; init; }

    public required JobOutcome Outcome { get; init; }

    public string? JobId { get; init; }

    public BulkJobStatus? JobStatus { get; init; }

    public long RecordsProcessed { get; init; }

    public long? ProcessingTimeMs { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? Reason { get; init; }

    public int Polls { get; init; }

    public int Generations { get; init; }
}

/// <summary>The end of a job orchestration.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobOutcome>))]
public enum JobOutcome
{
    /// <summary>Zuora completed the job; single rows may still have failed.</summary>
    Completed,

    /// <summary>The job failed, was refused, or did not finish in time.</summary>
    Failed,

    /// <summary>Cancelled on request before Zuora processed it.</summary>
    Cancelled,
}
