namespace ZuoraJobFlows.Workflow.Results;

/// <summary>Where a run's results and staged chunks live in the output container.</summary>
public static class ResultPaths
{
    public const string SummaryFileName = "summary.json";
    public const string ErrorsFileName = "errors.csv";
    public const string RetryFileName = "retry.csv";

    /// <summary>
    /// <c>{operation}/{object}/{name}/{instanceId}</c>, where name is the blob path after the two folders.
    /// </summary>
    public static string ResultFolder(string operation, string objectName, string blobName, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(blobName);

        var name = NameWithinFolders(operation, objectName, blobName);
        return $"{operation}/{objectName}/{name}/{instanceId}";
    }

    /// <summary><c>delete/{object}/{instanceId}</c>.</summary>
    public static string DeleteResultFolder(string objectName, string instanceId) =>
        $"delete/{objectName}/{instanceId}";

    public static string StagingPrefix(string runId) => $"_staging/{runId}/";

    public static string ChunkBlobName(string runId, int chunk) =>
        $"{StagingPrefix(runId)}chunk-{chunk:D5}.csv";

    private static string NameWithinFolders(string operation, string objectName, string blobName)
    {
        var prefix = $"{operation}/{objectName}/";
        return blobName.StartsWith(prefix, StringComparison.Ordinal) && blobName.Length > prefix.Length
            ? blobName[prefix.Length..]
            : blobName;
    }
}
