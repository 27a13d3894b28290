namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>One row error for the reports; <see cref="Row"/> is the original file's row (header = 1).</summary>
public sealed record ReportError(long Row, string? Code, string? Message);
