namespace ZuoraJobFlows.ZuoraEmulator.Definitions;

internal sealed record FieldDefinition(
    string Name,
    string Type,
    string? Format,
    int? MaxLength,
    IReadOnlyList<string>? Enum);
