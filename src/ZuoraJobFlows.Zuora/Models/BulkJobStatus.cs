using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Models;

/// <summary>The life cycle of a bulk job.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BulkJobStatus>))]
public enum BulkJobStatus
{
    /// <summary>Submitted; counts towards the tenant's active-job limit.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>Waiting for its file; counts towards the active-job limit.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Processing records; counts towards the active-job limit.</summary>
    [JsonStringEnumMemberName("in_progress")]
    InProgress,

    /// <summary>Finished; individual rows may still have failed (see the errors list).</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The job as a whole failed; see <see cref="BulkJob.Error"/>.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Cancelled before processing.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
