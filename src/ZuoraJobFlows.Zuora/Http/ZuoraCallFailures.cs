using Polly.Timeout;

namespace ZuoraJobFlows.Zuora.Http;

/// <summary>Tells failures of the wire (no response) apart from the caller cancelling.</summary>
internal static class ZuoraCallFailures
{
    public static bool IsTransport(Exception exception, CancellationToken cancellationToken) =>
        exception switch
        {
            HttpRequestException => true,
            TimeoutRejectedException => true,
            OperationCanceledException => !cancellationToken.IsCancellationRequested,
            IOException => true,
            _ => false,
        };

    public static bool IsTimeout(Exception exception) => exception is not (HttpRequestException or IOException);
}
