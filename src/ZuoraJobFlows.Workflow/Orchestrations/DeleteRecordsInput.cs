using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>The input of <see cref="DeleteRecordsOrchestrator"/>.</summary>
public sealed record DeleteRecordsInput
{
    public required string RunId { get; init; }

    public required string Object { get; init; }

    public required BulkJobFilter Filter { get; init; }

    public required RunSettings Settings { get; init; }

    public DateTimeOffset RequestedAt { get; init; }
}
