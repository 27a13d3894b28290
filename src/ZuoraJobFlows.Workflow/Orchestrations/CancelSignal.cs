namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>The payload of <see cref="WorkflowNames.CancelRequestedEvent"/>.</summary>
public sealed record CancelSignal(string? Reason = null);
