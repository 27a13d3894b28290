using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Models;

/// <summary>The schema of a custom object, as far as this client needs it.</summary>
public sealed record CustomObjectDefinition
{
    /// <summary>The object's API name.</summary>
    [JsonPropertyName("object")]
    public required string ObjectName { get; init; }

    /// <summary>The object's fields by API name.</summary>
    [JsonPropertyName("properties")]
    public IReadOnlyDictionary<string, CustomObjectProperty> Properties { get; init; } =
        new Dictionary<string, CustomObjectProperty>();

    /// <summary>Fields every record must have.</summary>
    [JsonPropertyName("required")]
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>Fields whose values must be unique.</summary>
    [JsonPropertyName("unique")]
    public IReadOnlyList<string> Unique { get; init; } = [];

    /// <summary>Fields usable in filters.</summary>
    [JsonPropertyName("filterable")]
    public IReadOnlyList<string> Filterable { get; init; } = [];
}

/// <summary>One field of a custom object.</summary>
public sealed record CustomObjectProperty
{
    /// <summary><c>string</c>, <c>number</c>, <c>integer</c> or <c>boolean</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary><c>date</c> or <c>date-time</c> for string fields that hold them.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; init; }

    /// <summary>Longest allowed string.</summary>
    [JsonPropertyName("maxLength")]
    public int? MaxLength { get; init; }

    /// <summary>Allowed values.</summary>
    [JsonPropertyName("enum")]
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>The label shown in Zuora.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }
}
