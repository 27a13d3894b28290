using Microsoft.DurableTask;
using ZuoraJobFlows.Workflow.Activities;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>
/// Retries an activity only for failures it marked as transient, with delays that double from the run's first
/// retry delay, or longer when Zuora said how long to wait (429 <c>Retry-After</c> / <c>RateLimit-Reset</c>).
/// Permanent failures come back at once as result values or <see cref="TaskFailedException"/>.
/// </summary>
internal static class ActivityRetry
{
    private static readonly TimeSpan MaxRetryInterval = TimeSpan.FromMinutes(5);

    // Zuora's rate-limit windows are short; a longer wait than this is more likely a bad header than advice.
    private static readonly TimeSpan MaxRequestedDelay = TimeSpan.FromMinutes(10);

    public static TaskOptions For(RunSettings settings)
    {
        var first = settings.RetryFirstDelay > TimeSpan.Zero ? settings.RetryFirstDelay : TimeSpan.FromSeconds(1);
        var maxAttempts = settings.RetryMaxAttempts;

        // A handler rather than a RetryPolicy: a policy's delays are fixed up front and cannot follow the wait Zuora
        // asked for. The delay comes from the failure recorded in history, so replays compute the same timer.
        return TaskOptions.FromRetryHandler(async retry =>
        {
            if (retry.LastAttemptNumber >= maxAttempts || !IsTransient(retry.LastFailure))
            {
                return false;
            }

            var delay = Delay(first, retry.LastAttemptNumber, retry.LastFailure.ErrorMessage);
            await retry.OrchestrationContext.CreateTimer(delay, retry.CancellationToken);
            return true;
        });
    }

    /// <summary>The wait before attempt <paramref name="failedAttempt"/> + 1.</summary>
    public static TimeSpan Delay(TimeSpan first, int failedAttempt, string? failureMessage)
    {
        var backoff = first;
        for (var i = 1; i < failedAttempt && backoff < MaxRetryInterval; i++)
        {
            backoff *= 2;
        }

        backoff = backoff > MaxRetryInterval ? MaxRetryInterval : backoff;
        var requested = TransientFailures.RequestedDelay(failureMessage);
        if (requested is not { } asked || asked <= backoff)
        {
            return backoff;
        }

        return asked > MaxRequestedDelay ? MaxRequestedDelay : asked;
    }

    public static bool IsTransient(TaskFailureDetails failure) =>
        failure.ErrorType == typeof(TransientActivityException).FullName
        || failure.IsCausedBy<TransientActivityException>();
}
