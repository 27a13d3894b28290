namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>
/// Thrown by an activity for a failure that may heal by itself (429, 5xx, timeouts, dropped connections); the
/// orchestrators' retry policy retries exactly this type, with growing delays.
/// </summary>
public sealed class TransientActivityException : Exception
{
    public TransientActivityException()
    {
    }

    public TransientActivityException(string message)
        : base(message)
    {
    }

    public TransientActivityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
