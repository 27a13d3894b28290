using System.Text.Json;
using System.Text.Json.Serialization;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Results;

/// <summary>The content of <c>summary.json</c>; written camelCase by <see cref="SummaryJson"/>.</summary>
public sealed record RunSummary
{
    public required string RunId { get; init; }

    public SummaryInput? Input { get; init; }

    public required string Object { get; init; }

    public string Namespace { get; init; } = "default";

    public required string Operation { get; init; }

    public required RunStatus Status { get; init; }

    public string? Reason { get; init; }

    /// <summary>The Zuora code and message of a permanent refusal that ended the run.</summary>
    public SummaryError? Error { get; init; }

    /// <summary>The filter of a delete run.</summary>
    public BulkJobFilter? Filter { get; init; }

    public IReadOnlyList<JobSummary> Jobs { get; init; } = [];

    public long RecordsProcessed { get; init; }

    public long FailedRecords { get; init; }

    /// <summary>Rows Zuora never processed because the run stopped first; they are in the reports.</summary>
    public long UnsentRecords { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public SummaryReports Reports { get; init; } = new(null, null);
}

/// <summary>The input blob version the run read; <c>etag</c> is spelled as in DESIGN.md.</summary>
public sealed record SummaryInput(
    string Container,
    string BlobName,
    [property: JsonPropertyName("etag")] string? ETag,
    long Bytes,
    long Records);

public sealed record SummaryError(string? Code, string? Message);

public sealed record JobSummary
{
    public string? Id { get; init; }

    public int Chunk { get; init; }

    public long? FirstRow { get; init; }

    public long? LastRow { get; init; }

    public BulkJobStatus? Status { get; init; }

    public long RecordsProcessed { get; init; }

    public long FailedRecords { get; init; }

    public long? ProcessingTimeMs { get; init; }
}

public sealed record SummaryReports(string? Errors, string? Retry);

/// <summary>The JSON shape of <c>summary.json</c>: camelCase, enums as strings, indented for people.</summary>
public static class SummaryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
