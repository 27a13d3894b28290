namespace ZuoraJobFlows.Local.Cli;

/// <summary>What the progress display shows of a run at one moment.</summary>
internal sealed record RunSnapshot
{
    public required string RuntimeStatus { get; init; }

    public string? Phase { get; init; }

    public int ChunksDone { get; init; }

    public int ChunksTotal { get; init; }

    public long RecordsProcessed { get; init; }

    /// <summary>The Zuora jobs still at work (accepted, pending or in progress), by chunk.</summary>
    public IReadOnlyList<string> ActiveJobIds { get; init; } = [];

    public bool IsFinished { get; init; }

    /// <summary>Why the run ended without results (an engine failure), when it did.</summary>
    public string? FailureDetails { get; init; }
}
