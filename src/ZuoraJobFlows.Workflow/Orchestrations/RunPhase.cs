using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>Where a run or job is, shown in its custom status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunPhase>))]
public enum RunPhase
{
    Inspecting,
    WaitingForSlot,
    Uploading,
    WaitingForZuora,
    CollectingErrors,
    WritingResults,
    Finished,
}
