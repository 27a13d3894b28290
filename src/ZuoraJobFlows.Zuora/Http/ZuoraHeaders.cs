namespace ZuoraJobFlows.Zuora.Http;

/// <summary>Names of the Zuora-specific HTTP headers.</summary>
internal static class ZuoraHeaders
{
    public const string TrackId = "Zuora-Track-Id";
    public const string EntityIds = "Zuora-Entity-Ids";
    public const string OrgIds = "Zuora-Org-Ids";
    public const string Version = "Zuora-Version";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string RequestId = "Zuora-Request-Id";
    public const string RateLimitReset = "RateLimit-Reset";
    public const string RateLimitRemaining = "RateLimit-Remaining";
}
