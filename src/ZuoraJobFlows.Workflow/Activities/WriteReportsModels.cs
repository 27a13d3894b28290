using ZuoraJobFlows.Workflow.Reports;

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

    /// <summary>How many chunks the run staged; they stand in for the input if it changes during the run.</summary>
    public int ChunkCount { get; init; }

    /// <summary>The chunks whose Zuora job ran, in chunk order.</summary>
    public IReadOnlyList<ReportJob> Jobs { get; init; } = [];

    /// <summary>Rows of chunks Zuora never processed because the run stopped first, in row order.</summary>
    public IReadOnlyList<RowRange> UnsentRows { get; init; } = [];
}

/// <summary>
/// A job whose errors go into the reports; <see cref="FirstRow"/> maps its rows to the original file.
/// </summary>
public sealed record ReportJob(int Chunk, string JobId, long FirstRow);

public sealed record WriteReportsResult
{
    public string? ErrorsBlob { get; init; }

    public string? RetryBlob { get; init; }

    /// <summary>Distinct original rows that Zuora refused.</summary>
    public long FailedRecords { get; init; }

    /// <summary>Rows in the reports that Zuora never processed (<see cref="WriteReportsInput.UnsentRows"/>).</summary>
    public long UnsentRecords { get; init; }

    /// <summary>
    /// True when the input blob was replaced or deleted during the run and the reports were written from the staged
    /// (comma-separated) chunks instead.
    /// </summary>
    public bool FromStagedCopy { get; init; }

    /// <summary>Error lines Zuora reported per chunk, in the order of the input's jobs.</summary>
    public IReadOnlyList<ChunkErrorCount> ErrorsByChunk { get; init; } = [];
}

public sealed record ChunkErrorCount(int Chunk, long Errors);
