using System.Text.Json.Serialization;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Zuora.Json;

/// <summary>One page of <c>GET /objects/jobs</c>.</summary>
internal sealed record BulkJobPage(
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("cursor")] string? Cursor,
    [property: JsonPropertyName("jobs")] IReadOnlyList<BulkJob>? Jobs);
