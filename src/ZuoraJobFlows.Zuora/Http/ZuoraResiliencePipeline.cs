using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using ZuoraJobFlows.Zuora.Logging;

namespace ZuoraJobFlows.Zuora.Http;

/// <summary>
/// The resilience pipeline of JSON calls: a total timeout, retries of GETs only, and a timeout per attempt.
/// </summary>
/// <remarks>
/// POST and PATCH are never retried here: the caller repeats them with the same idempotency key, at a level that
/// can re-open what it sends.
/// </remarks>
internal static class ZuoraResiliencePipeline
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ZuoraClientOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxGetRetries > 0)
        {
            builder.AddRetry(CreateRetryOptions(options, timeProvider, logger));
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    public static HttpRetryStrategyOptions CreateRetryOptions(
        ZuoraClientOptions options,
        TimeProvider timeProvider,
        ILogger logger) =>
        new()
        {
            MaxRetryAttempts = options.MaxGetRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome)),
            DelayGenerator = args =>
                ValueTask.FromResult(ServerDelay(args.Outcome, timeProvider.GetUtcNow(), options.MaxRetryDelay)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                Log.RetryingGet(
                    logger,
                    request?.RequestUri?.AbsolutePath ?? "?",
                    args.RetryDelay.TotalMilliseconds,
                    args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name ?? "?",
                    args.AttemptNumber + 1);
                return default;
            },
        };

    /// <summary>Whether a failed attempt is worth another: only GETs, only transient outcomes.</summary>
    public static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        var request = context.GetRequestMessage() ?? outcome.Result?.RequestMessage;
        return request?.Method == HttpMethod.Get && HttpClientResiliencePredicates.IsTransient(outcome);
    }

    /// <summary>
    /// The wait Zuora asked for (<c>Retry-After</c>, else <c>RateLimit-Reset</c> of a rate-limit refusal), capped;
    /// <see langword="null"/> lets the jittered exponential back-off decide.
    /// </summary>
    public static TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, DateTimeOffset now, TimeSpan maxDelay)
    {
        if (outcome.Result is not { } response || RetryAfterReader.Read(response, now) is not { } delay)
        {
            return null;
        }

        return delay > maxDelay ? maxDelay : delay;
    }
}
