using System.Text.Json.Nodes;

namespace ZuoraJobFlows.ZuoraEmulator.Definitions;

internal sealed record ObjectDefinition(
    string Name,
    IReadOnlyDictionary<string, FieldDefinition> Fields,
    IReadOnlySet<string> Required,
    IReadOnlySet<string> Unique,
    IReadOnlySet<string> Filterable,
    JsonObject Schema)
{
    public string Id { get; init; } = Guid.NewGuid().ToString();

    public DateTimeOffset CreatedDate { get; init; }

    public DateTimeOffset UpdatedDate { get; init; }
}
