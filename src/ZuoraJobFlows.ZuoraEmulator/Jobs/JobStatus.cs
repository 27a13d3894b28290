namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

internal static class JobStatus
{
    public const string Accepted = "accepted";
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([Accepted, Pending, InProgress, Completed, Failed, Cancelled], StringComparer.Ordinal);

    public static bool IsActive(string status) => status is Accepted or Pending or InProgress;
}
