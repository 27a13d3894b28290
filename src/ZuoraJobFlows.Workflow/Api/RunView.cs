using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>The body of <c>GET /api/imports/{id}</c> and of each item of the list.</summary>
public sealed record RunView
{
    public required string Id { get; init; }

    /// <summary><c>import</c> or <c>delete</c>.</summary>
    public required string Kind { get; init; }

    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public RunPhase? Phase { get; init; }

    /// <summary>The run's result status once it finished.</summary>
    public RunStatus? Status { get; init; }

    public string? Reason { get; init; }

    public string? Container { get; init; }

    public string? BlobName { get; init; }

    public string? Object { get; init; }

    public string? Operation { get; init; }

    public int ChunksTotal { get; init; }

    public int ChunksDone { get; init; }

    public long RecordsProcessed { get; init; }

    public long? FailedRecords { get; init; }

    public IReadOnlyList<string> JobIds { get; init; } = [];

    public IReadOnlyList<JobProgress> Jobs { get; init; } = [];

    public RunLinks? Results { get; init; }

    public required string StatusUri { get; init; }
}

/// <summary>Where a run's results are: blob names in the output container.</summary>
public sealed record RunLinks(string Container, string Folder, string Summary, string? Errors, string? Retry);
