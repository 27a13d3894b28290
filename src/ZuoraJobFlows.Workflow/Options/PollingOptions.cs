namespace ZuoraJobFlows.Workflow.Options;

/// <summary>Settings of the <c>Polling</c> section: how a job's status is polled while Zuora works.</summary>
public sealed class PollingOptions
{
    public const string SectionName = "Polling";

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a job may take after its file was uploaded before the run gives up on it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Polls per orchestration generation before it continues as new, keeping its history bounded.</summary>
    public int PollsPerGeneration { get; set; } = 20;
}
