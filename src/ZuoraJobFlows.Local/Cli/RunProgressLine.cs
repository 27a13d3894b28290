using Spectre.Console;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>
/// One line of progress: phase, chunks, records and the jobs still at work. A file of many chunks runs many jobs;
/// naming them all would wrap the line, so only the first few are named.
/// </summary>
internal static class RunProgressLine
{
    public const int MaxJobsNamed = 3;

    /// <summary>The line as Spectre markup (escaped).</summary>
    public static string Describe(RunSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        var parts = new List<string> { snapshot.Phase ?? snapshot.RuntimeStatus };
        if (snapshot.ChunksTotal > 0)
        {
            parts.Add($"chunks {snapshot.ChunksDone}/{snapshot.ChunksTotal}");
        }

        parts.Add(Count(snapshot.RecordsProcessed, "record"));
        if (snapshot.ActiveJobIds.Count > 0)
        {
            parts.Add(Jobs(snapshot.ActiveJobIds));
        }

        return Markup.Escape(string.Join(" · ", parts));
    }

    public static string Count(long count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

    private static string Jobs(IReadOnlyList<string> jobIds)
    {
        var named = string.Join(", ", jobIds.Take(MaxJobsNamed));
        var more = jobIds.Count > MaxJobsNamed ? $" +{jobIds.Count - MaxJobsNamed} more" : "";
        return $"{(jobIds.Count == 1 ? "job" : "jobs")} {named}{more}";
    }
}
