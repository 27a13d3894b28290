using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>The output of an import or delete run: its final status and where its results are.</summary>
public sealed record ImportRunResult
{
    public required RunStatus Status { get; init; }

    public string? Reason { get; init; }

    public required string ResultFolder { get; init; }

    public required string SummaryBlob { get; init; }

    public string? ErrorsBlob { get; init; }

    public string? RetryBlob { get; init; }

    public long RecordsProcessed { get; init; }

    public long FailedRecords { get; init; }
}
