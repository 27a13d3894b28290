using System.Text.Json.Serialization;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Activities;

public sealed record UploadChunkInput
{
    public required string RunId { get; init; }

    public required int Chunk { get; init; }

    public required string JobId { get; init; }

    public required string Container { get; init; }

    public required string ChunkBlob { get; init; }
}

public sealed record UploadChunkResult
{
    public required UploadOutcome Outcome { get; init; }

    public BulkJobStatus? JobStatus { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<UploadOutcome>))]
public enum UploadOutcome
{
    Uploaded,

    /// <summary>The job is past <c>pending</c>: an earlier attempt delivered the file, so none was sent.</summary>
    AlreadyUploaded,

    /// <summary>The job is still <c>accepted</c> and cannot take a file yet; try again shortly.</summary>
    NotReady,

    /// <summary>Zuora refused the file for good (e.g. too large, bad format).</summary>
    Refused,
}
