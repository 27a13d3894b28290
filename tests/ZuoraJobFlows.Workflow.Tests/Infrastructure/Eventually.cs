namespace ZuoraJobFlows.Workflow.Tests.Infrastructure;

/// <summary>Waits on a condition with a deadline instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> done,
        TimeSpan timeout,
        string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
