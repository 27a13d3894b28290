namespace ZuoraJobFlows.Functions;

/// <summary>
/// Names of the functions that are not part of the workflow. The blob trigger's name is part of the Event Grid
/// webhook URL (<c>functionName=Host.Functions.ImportOnBlobCreated</c>), so infra and the CLI depend on it.
/// </summary>
public static class FunctionNames
{
    public const string ImportOnBlobCreated = nameof(ImportOnBlobCreated);

    public const string StartImport = nameof(StartImport);

    public const string GetImport = nameof(GetImport);

    public const string ListImports = nameof(ListImports);

    public const string CancelImport = nameof(CancelImport);

    public const string StartDelete = nameof(StartDelete);
}
