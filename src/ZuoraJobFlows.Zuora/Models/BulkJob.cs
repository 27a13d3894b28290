using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Models;

/// <summary>A custom object bulk job as Zuora reports it.</summary>
public sealed record BulkJob
{
    /// <summary>The job id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The custom object's API name.</summary>
    [JsonPropertyName("object")]
    public string? ObjectName { get; init; }

    /// <summary>The operation.</summary>
    [JsonPropertyName("operation")]
    public BulkJobOperation? Operation { get; init; }

    /// <summary>The namespace, <c>default</c> for custom objects.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    /// <summary>The current status.</summary>
    [JsonPropertyName("status")]
    public BulkJobStatus Status { get; init; }

    /// <summary>Records processed so far, failed ones included.</summary>
    [JsonPropertyName("recordsProcessed")]
    public long? RecordsProcessed { get; init; }

    /// <summary>Processing time in milliseconds.</summary>
    [JsonPropertyName("processingTime")]
    public long? ProcessingTime { get; init; }

    /// <summary>Why the job failed, when it did.</summary>
    [JsonPropertyName("error")]
    public BulkJobFailure? Error { get; init; }

    /// <summary>Who created the job.</summary>
    [JsonPropertyName("createdById")]
    public string? CreatedById { get; init; }

    /// <summary>When the job was created.</summary>
    [JsonPropertyName("createdDate")]
    public DateTimeOffset? CreatedDate { get; init; }

    /// <summary>Who last changed the job.</summary>
    [JsonPropertyName("updatedById")]
    public string? UpdatedById { get; init; }

    /// <summary>When the job last changed.</summary>
    [JsonPropertyName("updatedDate")]
    public DateTimeOffset? UpdatedDate { get; init; }

    /// <summary>The <c>Zuora-Request-Id</c> of the response this value was read from; not part of the body.</summary>
    [JsonIgnore]
    public string? RequestId { get; init; }
}

/// <summary>The error of a failed job.</summary>
/// <param name="Code">The Zuora error code.</param>
/// <param name="Message">The message.</param>
public sealed record BulkJobFailure(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message);
