using System.Globalization;
using System.Net.Http.Headers;

namespace ZuoraJobFlows.Zuora.Http;

/// <summary>
/// Reads how long the server asked us to wait: <c>Retry-After</c> (seconds or a date) first, then
/// <c>RateLimit-Reset</c> (seconds).
/// </summary>
internal static class RetryAfterReader
{
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return NotNegative(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return NotNegative(date - now);
        }

        if (headers.TryGetValues(ZuoraHeaders.RateLimitReset, out var values)
            && double.TryParse(
                values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds))
        {
            return NotNegative(TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2)));
        }

        return null;
    }

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
