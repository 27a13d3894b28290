using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Activities;

public sealed record PrepareImportInput
{
    public required string RunId { get; init; }

    public required string Container { get; init; }

    public required string BlobName { get; init; }

    public string? ETag { get; init; }

    public required BulkJobOperation Operation { get; init; }

    public required string Object { get; init; }

    /// <summary>The delimiter the caller chose (e.g. <c>;</c> or <c>semicolon</c>); detected when null.</summary>
    public string? Delimiter { get; init; }

    public required string OutputContainer { get; init; }

    public required long MaxChunkBytes { get; init; }
}

public sealed record PrepareImportResult
{
    public required bool Accepted { get; init; }

    public string? Reason { get; init; }

    public long Bytes { get; init; }

    public long Records { get; init; }

    /// <summary>The input's delimiter as detected; the reports read the original file with it.</summary>
    public char? Delimiter { get; init; }

    public IReadOnlyList<ChunkPlan> Chunks { get; init; } = [];
}

/// <summary>One staged chunk: its 1-based number, blob, and the original rows it holds (header = row 1).</summary>
public sealed record ChunkPlan(int Chunk, string BlobName, long FirstRow, long LastRow, long Records, long Bytes);
