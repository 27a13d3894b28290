using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>
/// The input of <see cref="BulkJobOrchestrator"/>: one Zuora job for one chunk (or one delete filter).
/// </summary>
public sealed record BulkJobInput
{
    public required string RunId { get; init; }

    /// <summary>1-based chunk number; part of the idempotency keys, so it must be stable for the run.</summary>
    public required int Chunk { get; init; }

    public required string Object { get; init; }

    public required BulkJobOperation Operation { get; init; }

    /// <summary>The container of <see cref="ChunkBlob"/>.</summary>
    public string? Container { get; init; }

    /// <summary>The file to upload; <see langword="null"/> for a delete job.</summary>
    public string? ChunkBlob { get; init; }

    /// <summary>The records a delete job removes.</summary>
    public BulkJobFilter? Filter { get; init; }

    public required RunSettings Settings { get; init; }

    /// <summary>Carried over by continue-as-new; <see langword="null"/> on the first generation.</summary>
    public BulkJobState? State { get; init; }
}

/// <summary>What a job orchestration has done so far, handed from one generation to the next.</summary>
public sealed record BulkJobState
{
    public string? JobId { get; init; }

    public bool Uploaded { get; init; }

    public int SlotWaits { get; init; }

    public DateTimeOffset? PollingStartedAt { get; init; }

    public TimeSpan NextDelay { get; init; }

    public int Polls { get; init; }

    public int Generation { get; init; }

    public bool CancelRequested { get; init; }

    /// <summary>The last phase reported to the run, so a new generation does not report it again.</summary>
    public RunPhase? Phase { get; init; }
}
