namespace ZuoraJobFlows.ZuoraEmulator.Csv;

/// <summary>One record; <see cref="Problem"/> says why it is malformed, when it is.</summary>
internal sealed record CsvRecord(IReadOnlyList<string> Fields, string? Problem);
