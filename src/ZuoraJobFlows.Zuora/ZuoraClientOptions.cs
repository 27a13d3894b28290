namespace ZuoraJobFlows.Zuora;

/// <summary>Settings of <see cref="IZuoraClient"/>, bound from the <c>Zuora</c> configuration section.</summary>
public sealed class ZuoraClientOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Zuora";

    /// <summary>The REST base address, e.g. <c>https://rest.apisandbox.zuora.com</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>OAuth client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret; never logged or shown by <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Sent as <c>Zuora-Entity-Ids</c> when set.</summary>
    public string? EntityIds { get; set; }

    /// <summary>Sent as <c>Zuora-Org-Ids</c> when set.</summary>
    public string? OrgIds { get; set; }

    /// <summary>Sent as <c>Zuora-Version</c> when set.</summary>
    public string? Version { get; set; }

    /// <summary>Timeout of one HTTP attempt (uploads excepted).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a whole call including retries (uploads excepted).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Timeout of one file upload.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a GET is retried after a transient failure.</summary>
    public int MaxGetRetries { get; set; } = 5;

    /// <summary>
    /// The first back-off delay of a retried GET; later ones grow exponentially with jitter, unless Zuora said how
    /// long to wait (<c>Retry-After</c>, or <c>RateLimit-Reset</c> on a rate-limit refusal).
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retried GET, whatever the back-off or Zuora's headers say.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long before expiry a cached token is replaced (at most half the token's lifetime, so that short-lived
    /// tokens are not fetched on every call).
    /// </summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override string ToString() =>
        $"BaseUrl={BaseUrl}, ClientId={ClientId}, ClientSecret={(string.IsNullOrEmpty(ClientSecret) ? "" : "***")}";
}
