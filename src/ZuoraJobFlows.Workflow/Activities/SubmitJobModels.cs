using System.Text.Json.Serialization;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Activities;

public sealed record SubmitJobInput
{
    public required string RunId { get; init; }

    public required int Chunk { get; init; }

    public required string Object { get; init; }

    public required BulkJobOperation Operation { get; init; }

    public BulkJobFilter? Filter { get; init; }
}

public sealed record SubmitJobResult
{
    public required SubmitOutcome Outcome { get; init; }

    public string? JobId { get; init; }

    public BulkJobStatus? JobStatus { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? RequestId { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<SubmitOutcome>))]
public enum SubmitOutcome
{
    Submitted,

    /// <summary>The tenant already runs the maximum number of jobs; submit again later with the same key.</summary>
    SlotUnavailable,

    /// <summary>Zuora refused the job for good (a 4xx with a code); trying again would fail the same way.</summary>
    Refused,
}
