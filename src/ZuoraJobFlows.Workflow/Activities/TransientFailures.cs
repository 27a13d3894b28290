using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Azure;
using ZuoraJobFlows.Zuora;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>Decides which exceptions are worth another attempt of the activity.</summary>
internal static partial class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        ZuoraApiException zuora => zuora.Kind == ZuoraFailureKind.Transient,
        RequestFailedException storage => IsTransientStatus(storage.Status),
        TimeoutException or HttpRequestException or IOException => true,
        OperationCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// Wraps a transient failure so the retry policy recognises it; keeps Zuora's request id in the text, and the
    /// wait Zuora asked for (429 <c>Retry-After</c>), which the orchestrator's retry handler reads back from the
    /// failure message: only the message travels through the orchestration history on every host.
    /// </summary>
    public static TransientActivityException Wrap(Exception exception)
    {
        var zuora = exception as ZuoraApiException;
        var message = zuora?.RequestId is { } requestId
            ? $"Transient failure (Zuora request {requestId}): {exception.Message}"
            : $"Transient failure: {exception.Message}";
        if (zuora?.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero)
        {
            message += string.Create(
                CultureInfo.InvariantCulture, $" Zuora asked to wait {(long)retryAfter.TotalMilliseconds} ms.");
        }

        return new TransientActivityException(message, exception);
    }

    /// <summary>The wait a wrapped failure carries (see <see cref="Wrap"/>), if Zuora asked for one.</summary>
    public static TimeSpan? RequestedDelay(string? failureMessage)
    {
        var match = failureMessage is null ? null : RequestedDelayPattern().Match(failureMessage);
        return match is { Success: true }
            && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;
    }

    private static bool IsTransientStatus(int status) =>
        status == 0
        || status == (int)HttpStatusCode.RequestTimeout
        || status == (int)HttpStatusCode.TooManyRequests
        || status >= 500;

    [GeneratedRegex(@"Zuora asked to wait (\d{1,12}) ms\.")]
    private static partial Regex RequestedDelayPattern();
}
