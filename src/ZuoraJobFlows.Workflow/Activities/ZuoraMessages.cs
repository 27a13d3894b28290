using ZuoraJobFlows.Zuora;

namespace ZuoraJobFlows.Workflow.Activities;

internal static class ZuoraMessages
{
    /// <summary>Zuora's own messages joined, or the exception message when Zuora gave none.</summary>
    public static string Describe(ZuoraApiException exception)
    {
        var messages = exception.Errors
            .Select(e => e.Message)
            .Where(m => !string.IsNullOrWhiteSpace(m))
            .ToList();
        return messages.Count > 0 ? string.Join("; ", messages) : exception.Message;
    }
}
