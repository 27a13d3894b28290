namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>What <see cref="ReportWriter"/> wrote: lines in <c>errors.csv</c>, rows in <c>retry.csv</c>.</summary>
public sealed record ReportCounts(long ErrorLines, long FailedRows);
