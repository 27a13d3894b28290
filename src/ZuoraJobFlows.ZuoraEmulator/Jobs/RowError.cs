namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>One refused row; <see cref="Row"/> counts records with the header as row 1.</summary>
internal sealed record RowError(
    string Code, string Message, long Row, IReadOnlyList<KeyValuePair<string, string>> Record);
