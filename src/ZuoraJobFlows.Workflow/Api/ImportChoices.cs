namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// What a run is told to do with its blob: the operation, the object and the delimiter. In a request, a null field
/// is one the caller did not give; in a run, a null delimiter means the run detects it from the file's header.
/// </summary>
internal sealed record ImportChoices(string? Operation, string? Object, string? Delimiter);
