namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>Waits on a condition with a deadline, checking every 50 ms.</summary>
internal static class EndToEndWait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout}.");
            }

            await Task.Delay(50);
        }
    }
}
