namespace ZuoraJobFlows.Zuora;

/// <summary>Headers that vary per call.</summary>
public sealed record ZuoraRequestOptions
{
    /// <summary>
    /// Sent as <c>Zuora-Track-Id</c>; at most 64 US-ASCII characters without <c>: ; " '</c>.
    /// Validated when the request is sent.
    /// </summary>
    public string? TrackId { get; init; }

    /// <summary>Sent as <c>Idempotency-Key</c> on POST and PATCH calls; ignored on GET.</summary>
    public string? IdempotencyKey { get; init; }
}
