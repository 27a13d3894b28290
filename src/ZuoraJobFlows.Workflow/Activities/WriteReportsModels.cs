namespace ZuoraJobFlows.Workflow.Activities;

public sealed record WriteReportsInput
{
    public required string RunId { get; init; }

    public required string Container { get; init; }

    public required string BlobName { get; init; }

    public string? ETag { get; init; }

    public char? Delimiter { get; init; }

    public required string OutputContainer { get; init; }

    public required string ResultFolder { get; init; }

    /// <summary>The chunks whose Zuora job ran, in chunk order.</summary>
    public IReadOnlyList<ReportJob> Jobs { get; init; } = [];
}

/// <summary>
/// A job whose errors go into the reports; <see cref="FirstRow"/> maps its rows to the original file.
/// </summary>
public sealed record ReportJob(int Chunk, string JobId, long FirstRow);

public sealed record WriteReportsResult
{
    public string? ErrorsBlob { get; init; }

    public string? RetryBlob { get; init; }

    /// <summary>Distinct original rows that failed.</summary>
    public long FailedRecords { get; init; }

    /// <summary>Error lines Zuora reported per chunk, in the order of the input's jobs.</summary>
    public IReadOnlyList<ChunkErrorCount> ErrorsByChunk { get; init; } = [];
}

public sealed record ChunkErrorCount(int Chunk, long Errors);
