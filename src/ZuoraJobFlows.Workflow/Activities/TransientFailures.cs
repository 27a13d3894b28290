using System.Net;
using Azure;
using ZuoraJobFlows.Zuora;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>Decides which exceptions are worth another attempt of the activity.</summary>
internal static class TransientFailures
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
    /// Wraps a transient failure so the retry policy recognises it; keeps Zuora's request id in the text.
    /// </summary>
    public static TransientActivityException Wrap(Exception exception)
    {
        var requestId = (exception as ZuoraApiException)?.RequestId;
        var message = requestId is null
            ? $"Transient failure: {exception.Message}"
            : $"Transient failure (Zuora request {requestId}): {exception.Message}";
        return new TransientActivityException(message, exception);
    }

    private static bool IsTransientStatus(int status) =>
        status == 0
        || status == (int)HttpStatusCode.RequestTimeout
        || status == (int)HttpStatusCode.TooManyRequests
        || status >= 500;
}
