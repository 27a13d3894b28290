using System.Text.Json.Nodes;

namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>One condition of a delete filter; the value is already converted to the field's type.</summary>
internal sealed record FilterCondition(string Field, string Operator, object Value, JsonNode? RawValue);
