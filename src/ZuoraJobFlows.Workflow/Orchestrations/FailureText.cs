using Microsoft.DurableTask;

namespace ZuoraJobFlows.Workflow.Orchestrations;

internal static class FailureText
{
    /// <summary>
    /// The innermost failure's message: what went wrong, without the durable task wrapping around it.
    /// </summary>
    public static string Describe(TaskFailedException exception)
    {
        var details = exception.FailureDetails;
        while (details.InnerFailure is not null)
        {
            details = details.InnerFailure;
        }

        return $"{exception.TaskName} failed: {details.ErrorMessage}";
    }
}
