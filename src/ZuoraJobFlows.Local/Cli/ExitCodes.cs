namespace ZuoraJobFlows.Local.Cli;

/// <summary>Exit codes of the <c>zjf</c> commands, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>The run completed and Zuora accepted every record.</summary>
    public const int Completed = 0;

    /// <summary>Wrong arguments, or something the run needs is missing (Azurite, Zuora, the file).</summary>
    public const int UsageOrEnvironment = 1;

    /// <summary>The run completed and Zuora refused some records: see errors.csv and retry.csv.</summary>
    public const int CompletedWithErrors = 2;

    /// <summary>The run was rejected, failed or was cancelled: see summary.json for the reason.</summary>
    public const int NotCompleted = 3;

    public static int ForRunStatus(string? status) => status switch
    {
        "Completed" => Completed,
        "CompletedWithErrors" => CompletedWithErrors,
        _ => NotCompleted,
    };
}
