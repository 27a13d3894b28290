namespace ZuoraJobFlows.Workflow.Options;

/// <summary>Settings of the <c>Imports</c> section.</summary>
public sealed class ImportsOptions
{
    public const string SectionName = "Imports";

    /// <summary>Zuora refuses files over 15 MB; larger inputs are split into chunks of at most this size.</summary>
    public const long ZuoraMaxFileBytes = 15L * 1024 * 1024;

    public string InputContainer { get; set; } = "zuora-imports";

    public string OutputContainer { get; set; } = "zuora-results";

    public long MaxChunkBytes { get; set; } = ZuoraMaxFileBytes;

    /// <summary>Chunks of one run that hold a Zuora job at the same time (Zuora allows 5 per tenant).</summary>
    public int MaxParallelJobs { get; set; } = 5;

    /// <summary>First wait after Zuora refused a job for the 5-active-jobs limit; doubles up to the maximum.</summary>
    public TimeSpan SlotWaitInitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan SlotWaitMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First wait before an activity that failed transiently runs again; doubles per attempt.</summary>
    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromSeconds(2);

    public int RetryMaxAttempts { get; set; } = 6;
}
