namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// A quoted field still open where a record reached the chunk limit: where it opened and where it closes.
/// </summary>
internal sealed record QuotePastLimit(long OpenLine, int Column, string? Name, long CloseLine);
