using Microsoft.DurableTask;
using ZuoraJobFlows.Workflow.Activities;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>
/// Retries an activity only for failures it marked as transient, with delays that double from the run's first
/// retry delay. Permanent failures come back at once as result values or <see cref="TaskFailedException"/>.
/// </summary>
internal static class ActivityRetry
{
    private static readonly TimeSpan MaxRetryInterval = TimeSpan.FromMinutes(5);

    public static TaskOptions For(RunSettings settings)
    {
        var first = settings.RetryFirstDelay > TimeSpan.Zero ? settings.RetryFirstDelay : TimeSpan.FromSeconds(1);
        var policy = new RetryPolicy(
            maxNumberOfAttempts: settings.RetryMaxAttempts,
            firstRetryInterval: first,
            backoffCoefficient: 2.0,
            maxRetryInterval: first > MaxRetryInterval ? first : MaxRetryInterval)
        {
            HandleFailure = IsTransient,
        };
        return TaskOptions.FromRetryPolicy(policy);
    }

    public static bool IsTransient(TaskFailureDetails failure) =>
        failure.ErrorType == typeof(TransientActivityException).FullName
        || failure.IsCausedBy<TransientActivityException>();
}
