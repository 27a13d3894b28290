namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>Column names with a meaning of their own.</summary>
public static class CsvColumns
{
    /// <summary>The record id column every <c>update</c> file needs.</summary>
    public const string Id = "id";
}
