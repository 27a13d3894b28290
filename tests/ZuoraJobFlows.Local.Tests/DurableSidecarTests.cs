using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Local.Hosting;

namespace ZuoraJobFlows.Local.Tests;

public sealed class DurableSidecarTests
{
    [Fact]
    public async Task RunnerHost_OrchestrationWithTimerAndActivity_CompletesOnAzureStorage()
    {
        var configuration = LocalConfiguration.Build(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["DurableTask:HubName"] = TestStorage.UniqueName("hub"),
        });
        await using var host = await RunnerHost.StartAsync(
            new RunnerHostOptions
            {
                Configuration = configuration,
                ConfigureTasks = registry => registry
                    .AddOrchestratorFunc<string, string>("Greet", async (context, name) =>
                    {
                        await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
                        return await context.CallActivityAsync<string>("SayHello", name);
                    })
                    .AddActivityFunc<string, string>("SayHello", (_, name) => $"hello {name}"),
            },
            CancellationToken.None);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Greet", "zuora");
        var state = await WaitFor.CompletionAsync(host.Client, id, TimeSpan.FromSeconds(30));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("hello zuora", state.ReadOutputAs<string>());
    }
}
