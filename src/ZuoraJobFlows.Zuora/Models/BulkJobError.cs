using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Models;

/// <summary>One refused row of a bulk job.</summary>
/// <param name="Code">The 8-digit Zuora error code.</param>
/// <param name="Message">What was wrong with the row.</param>
/// <param name="Row">The row in the uploaded file, counting the header as row 1 (records, not physical lines).</param>
/// <param name="Record">The record as Zuora read it, when it says.</param>
public sealed record BulkJobError(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("row")] long Row,
    [property: JsonPropertyName("record")] JsonElement? Record);
