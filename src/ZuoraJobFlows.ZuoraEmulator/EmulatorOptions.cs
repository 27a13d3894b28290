namespace ZuoraJobFlows.ZuoraEmulator;

/// <summary>
/// Settings of the emulator, bound from the <c>Emulator</c> configuration section. The instance registered in the
/// container is live: changing a property (fault rate, pace, limits) takes effect on the next request.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Emulator";

    /// <summary>The one OAuth client id the emulator accepts.</summary>
    public string ClientId { get; set; } = "local-client";

    /// <summary>The secret that goes with <see cref="ClientId"/>.</summary>
    public string ClientSecret { get; set; } = "local-secret";

    /// <summary>How long an issued token is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Background processing pace of a job, in records per second; 0 means as fast as possible.</summary>
    public double RecordsPerSecond { get; set; } = 200;

    /// <summary>How long a new job stays <c>accepted</c> before it becomes <c>pending</c>.</summary>
    public TimeSpan JobStartDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Requests per minute on <c>/objects/*</c> before answering 429; 0 means unlimited.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Share (0 to 1) of <c>/objects/*</c> requests answered with 500 or 503 before doing anything.</summary>
    public double FaultRate { get; set; }

    /// <summary>Delay added to every request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share (0 to 1) of uploads whose connection is dropped while the file is being received.</summary>
    public double DropUploadRate { get; set; }

    /// <summary>
    /// When true, every upload is accepted and stored (the job moves on) and then the connection is dropped
    /// without an answer: the "upload answered too late" case.
    /// </summary>
    public bool DropAfterUpload { get; set; }

    /// <summary>Folder of definition files loaded at start; by default <c>samples/definitions</c>, found upwards.
    /// </summary>
    public string? DefinitionsPath { get; set; }

    /// <summary>Largest accepted file, in bytes (15 MB, as Zuora).</summary>
    public long MaxFileBytes { get; set; } = 15L * 1024 * 1024;

    /// <summary>Jobs that may be accepted, pending or in progress at once (5, as Zuora).</summary>
    public int MaxActiveJobs { get; set; } = 5;

    /// <summary>When false, rows are validated and counted but not stored (for large benchmark runs).</summary>
    public bool KeepRecords { get; set; } = true;
}
