namespace ZuoraJobFlows.ZuoraEmulator.Middleware;

/// <summary>A fixed one-minute window of requests, as simple as a published limit needs.</summary>
internal sealed class RateLimitWindow(EmulatorOptions options, TimeProvider timeProvider)
{
    // Reported as the limit when none is configured, so clients never read "0 remaining" as a reason to wait.
    public const int UnlimitedNominal = 1_000_000;

    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = timeProvider.GetUtcNow();
    private int _count;

    public RateLimitDecision Take()
    {
        var configured = options.RequestsPerMinute;
        var limit = configured > 0 ? configured : UnlimitedNominal;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (now - _windowStart >= s_window)
            {
                _windowStart = now;
                _count = 0;
            }

            var reset = (int)Math.Max(1, Math.Ceiling((_windowStart + s_window - now).TotalSeconds));
            if (_count >= limit)
            {
                return new RateLimitDecision(false, limit, 0, reset);
            }

            _count++;
            return new RateLimitDecision(true, limit, limit - _count, reset);
        }
    }
}

internal sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, int ResetSeconds);
