namespace ZuoraJobFlows.ZuoraEmulator.Validation;

internal sealed record RowProblem(string Code, string Message);
