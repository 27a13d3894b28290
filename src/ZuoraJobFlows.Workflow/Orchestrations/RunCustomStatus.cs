using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>The custom status of an import or delete run: small, so it fits the instance table.</summary>
public sealed record RunCustomStatus
{
    public required RunPhase Phase { get; init; }

    public int ChunksTotal { get; init; }

    public int ChunksDone { get; init; }

    public long RecordsProcessed { get; init; }

    public IReadOnlyList<JobProgress> Jobs { get; init; } = [];

    public string? Reason { get; init; }
}

/// <summary>Where one chunk's Zuora job is; also the payload of <see cref="WorkflowNames.JobProgressEvent"/>.</summary>
public sealed record JobProgress
{
    public required int Chunk { get; init; }

    public required RunPhase Phase { get; init; }

    public string? JobId { get; init; }

    public BulkJobStatus? JobStatus { get; init; }

    public long RecordsProcessed { get; init; }
}
