using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ZuoraJobFlows.Workflow.Telemetry;

/// <summary>
/// The trace source and the counters of the workflow. Hosts subscribe to <see cref="SourceName"/> and
/// <see cref="MeterName"/>; activities record where the work happens, never in orchestrators (which replay).
/// </summary>
public static class WorkflowTelemetry
{
    public const string SourceName = "ZuoraJobFlows";

    public const string MeterName = "ZuoraJobFlows";

    public const string ObjectTag = "zuora.object";

    public const string OperationTag = "zuora.operation";

    public const string StatusTag = "zuora.job.status";

    public const string ReasonTag = "zjf.retry.reason";

    private static readonly Meter s_meter = new(MeterName);

    public static ActivitySource ActivitySource { get; } = new(SourceName);

    /// <summary>Records Zuora reported as processed, per finished job.</summary>
    public static Counter<long> RecordsProcessed { get; } = s_meter.CreateCounter<long>(
        "zjf.records.processed", "{record}", "Records Zuora processed in finished bulk jobs.");

    /// <summary>Records Zuora refused, per finished job.</summary>
    public static Counter<long> RecordsFailed { get; } = s_meter.CreateCounter<long>(
        "zjf.records.failed", "{record}", "Records Zuora refused in finished bulk jobs.");

    /// <summary>Zuora bulk jobs that reached a final status, tagged with it.</summary>
    public static Counter<long> ZuoraJobs { get; } = s_meter.CreateCounter<long>(
        "zjf.zuora.jobs", "{job}", "Zuora bulk jobs that reached a final status.");

    /// <summary>Attempts that failed and will be tried again (transient failures, the 5-active-jobs limit).</summary>
    public static Counter<long> Retries { get; } = s_meter.CreateCounter<long>(
        "zjf.retries", "{retry}", "Zuora calls that failed and are tried again.");

    public static void RecordJobFinished(
        string objectName, string operation, string status, long recordsProcessed, long failedRecords)
    {
        var tags = new TagList
        {
            { ObjectTag, objectName },
            { OperationTag, operation },
        };

        RecordsProcessed.Add(recordsProcessed, tags);
        RecordsFailed.Add(failedRecords, tags);

        tags.Add(StatusTag, status);
        ZuoraJobs.Add(1, tags);
    }

    public static void RecordRetry(string activityName, string reason)
    {
        Retries.Add(1, new TagList { { "zjf.activity", activityName }, { ReasonTag, reason } });
    }
}
