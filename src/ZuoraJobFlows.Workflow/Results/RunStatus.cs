using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Workflow.Results;

/// <summary>How a run ended, as written to <c>summary.json</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    Completed,
    CompletedWithErrors,
    Failed,
    Rejected,
    Cancelled,
}
