using System.Globalization;
using System.Net;

namespace ZuoraJobFlows.Zuora.Http;

/// <summary>
/// Reads how long the server asked us to wait: <c>Retry-After</c> (seconds or a date) on any answer, else
/// <c>RateLimit-Reset</c> (seconds) when the answer is a rate-limit refusal.
/// </summary>
/// <remarks>
/// <c>RateLimit-Reset</c> comes on every answer and only says when the current window ends; it is advice to wait
/// only when the limit was hit (429, or no requests remaining). Read on a 500 or 503 it would turn a blip into a
/// wait of up to a whole window.
/// </remarks>
internal static class RetryAfterReader
{
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var headers = response.Headers;
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return NotNegative(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return NotNegative(date - now);
        }

        if (IsRateLimited(response)
            && headers.TryGetValues(ZuoraHeaders.RateLimitReset, out var values)
            && double.TryParse(
                values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds))
        {
            return NotNegative(TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2)));
        }

        return null;
    }

    private static bool IsRateLimited(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.Headers.TryGetValues(ZuoraHeaders.RateLimitRemaining, out var values)
            && values.FirstOrDefault()?.Trim() == "0");

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
