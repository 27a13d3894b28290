namespace ZuoraJobFlows.Zuora.Http;

/// <summary>Builds the exception for a call that got no response: a timeout or a dropped connection.</summary>
internal static class ZuoraTransportFailure
{
    public static ZuoraApiException Create(string method, string path, Exception cause, bool timedOut) =>
        new(
            timedOut
                ? $"Zuora call {method} {path} timed out before a response came."
                : $"Zuora call {method} {path} failed before a response came: {cause.GetType().Name}.",
            statusCode: null,
            errors: [],
            requestId: null,
            ZuoraFailureKind.Transient,
            retryAfter: null,
            cause);
}
