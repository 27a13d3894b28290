namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>The input of <see cref="ImportCsvOrchestrator"/>: where the CSV is and what to do with it.</summary>
/// <remarks>
/// <see cref="Operation"/> stays a string so that an unknown operation folder reaches the orchestrator and ends
/// as a <c>Rejected</c> run with a summary, instead of failing to start.
/// </remarks>
public sealed record ImportRunInput
{
    public required string RunId { get; init; }

    public required string Container { get; init; }

    public required string BlobName { get; init; }

    public string? ETag { get; init; }

    public required string Operation { get; init; }

    public required string Object { get; init; }

    /// <summary>The file's delimiter when the caller knows it; detected from the header otherwise.</summary>
    public string? Delimiter { get; init; }

    public required RunSettings Settings { get; init; }

    public DateTimeOffset RequestedAt { get; init; }
}
