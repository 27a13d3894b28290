using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Models;

/// <summary>The body of <c>POST /objects/jobs</c>.</summary>
/// <param name="ObjectName">The custom object's API name.</param>
/// <param name="Operation">Create, update or delete.</param>
public sealed record BulkJobRequest(
    [property: JsonPropertyName("object")] string ObjectName,
    [property: JsonPropertyName("operation")] BulkJobOperation Operation)
{
    /// <summary>The object namespace; <c>default</c> for custom objects.</summary>
    [JsonPropertyName("namespace")]
    public string Namespace { get; init; } = "default";

    /// <summary>For delete jobs: which records to delete.</summary>
    [JsonPropertyName("filter")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BulkJobFilter? Filter { get; init; }
}
