using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Zuora.Json;

/// <summary>The wire names of <see cref="BulkJobStatus"/> values, for query strings.</summary>
internal static class BulkJobStatusNames
{
    public static string ToWire(BulkJobStatus status) => status switch
    {
        BulkJobStatus.Accepted => "accepted",
        BulkJobStatus.Pending => "pending",
        BulkJobStatus.InProgress => "in_progress",
        BulkJobStatus.Completed => "completed",
        BulkJobStatus.Failed => "failed",
        BulkJobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown bulk job status."),
    };
}
