using ZuoraJobFlows.Workflow.Options;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>
/// The settings a run needs, captured when it is started so that replays see the same values even if the app's
/// configuration changes while the run is in flight.
/// </summary>
public sealed record RunSettings
{
    public required string OutputContainer { get; init; }

    public long MaxChunkBytes { get; init; } = ImportsOptions.ZuoraMaxFileBytes;

    public int MaxParallelJobs { get; init; } = 5;

    public TimeSpan PollInitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan PollMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromHours(24);

    public int PollsPerGeneration { get; init; } = 20;

    public TimeSpan SlotWaitInitialDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan SlotWaitMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan RetryFirstDelay { get; init; } = TimeSpan.FromSeconds(2);

    public int RetryMaxAttempts { get; init; } = 6;

    public static RunSettings From(ImportsOptions imports, PollingOptions polling)
    {
        ArgumentNullException.ThrowIfNull(imports);
        ArgumentNullException.ThrowIfNull(polling);

        return new RunSettings
        {
            OutputContainer = imports.OutputContainer,
            MaxChunkBytes = Math.Clamp(imports.MaxChunkBytes, 1024, ImportsOptions.ZuoraMaxFileBytes),
            MaxParallelJobs = Math.Clamp(imports.MaxParallelJobs, 1, 5),
            PollInitialDelay = polling.InitialDelay,
            PollMaxDelay = polling.MaxDelay < polling.InitialDelay ? polling.InitialDelay : polling.MaxDelay,
            PollTimeout = polling.Timeout,
            PollsPerGeneration = Math.Max(1, polling.PollsPerGeneration),
            SlotWaitInitialDelay = imports.SlotWaitInitialDelay,
            SlotWaitMaxDelay = imports.SlotWaitMaxDelay < imports.SlotWaitInitialDelay
                ? imports.SlotWaitInitialDelay
                : imports.SlotWaitMaxDelay,
            RetryFirstDelay = imports.RetryFirstDelay,
            RetryMaxAttempts = Math.Max(1, imports.RetryMaxAttempts),
        };
    }
}
