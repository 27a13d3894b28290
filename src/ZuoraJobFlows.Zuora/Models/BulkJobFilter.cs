using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Models;

/// <summary>The record filter of a delete job; all conditions must hold.</summary>
/// <param name="Conditions">The conditions.</param>
public sealed record BulkJobFilter(
    [property: JsonPropertyName("conditions")] IReadOnlyList<BulkJobCondition> Conditions);

/// <summary>One filter condition.</summary>
/// <param name="Field">The field's API name.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The value compared with, as JSON (string, number or boolean).</param>
public sealed record BulkJobCondition(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("operator")] FilterOperator Operator,
    [property: JsonPropertyName("value")] JsonElement Value);

/// <summary>Comparison operators of a filter condition.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FilterOperator>))]
public enum FilterOperator
{
    /// <summary>Equal.</summary>
    EQ,

    /// <summary>Greater than.</summary>
    GT,

    /// <summary>Less than.</summary>
    LT,

    /// <summary>Greater than or equal.</summary>
    GE,

    /// <summary>Less than or equal.</summary>
    LE,
}
