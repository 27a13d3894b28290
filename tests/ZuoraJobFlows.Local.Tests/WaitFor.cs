using System.Diagnostics;
using Microsoft.DurableTask.Client;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>Waits on a condition with a deadline instead of sleeping a fixed time.</summary>
internal static class WaitFor
{
    public static async Task<T> ConditionAsync<T>(
        Func<Task<T?>> probe,
        Func<T?, bool> done,
        TimeSpan timeout,
        string what)
    {
        var clock = Stopwatch.StartNew();
        T? last = default;
        while (clock.Elapsed < timeout)
        {
            last = await probe();
            if (done(last))
            {
                return last!;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {last}");
    }

    public static Task<OrchestrationMetadata> CompletionAsync(DurableTaskClient client, string id, TimeSpan timeout) =>
        ConditionAsync(
            () => client.GetInstanceAsync(id, getInputsAndOutputs: true),
            state => state is not null && IsTerminal(state.RuntimeStatus),
            timeout,
            $"instance {id} to finish");

    private static bool IsTerminal(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
            or OrchestrationRuntimeStatus.Terminated;
}
