using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Activities;

public sealed record WriteSummaryInput
{
    public required string OutputContainer { get; init; }

    public required string SummaryBlob { get; init; }

    public required RunSummary Summary { get; init; }
}

public sealed record CleanupStagingInput
{
    public required string RunId { get; init; }

    public required string OutputContainer { get; init; }
}
