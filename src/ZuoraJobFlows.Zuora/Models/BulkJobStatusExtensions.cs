namespace ZuoraJobFlows.Zuora.Models;

/// <summary>Questions about a <see cref="BulkJobStatus"/>.</summary>
public static class BulkJobStatusExtensions
{
    /// <summary>Whether the job has reached <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for a final status.</returns>
    public static bool IsFinal(this BulkJobStatus status) =>
        status is BulkJobStatus.Completed or BulkJobStatus.Failed or BulkJobStatus.Cancelled;

    /// <summary>Whether Zuora still lets the job be cancelled (<c>accepted</c> or <c>pending</c>).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when a cancel call can succeed.</returns>
    public static bool IsCancellable(this BulkJobStatus status) =>
        status is BulkJobStatus.Accepted or BulkJobStatus.Pending;
}
