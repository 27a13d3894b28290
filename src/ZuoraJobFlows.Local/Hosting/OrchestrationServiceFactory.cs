using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>Builds the Azure Storage backend tuned for a local runner: quick to see work and to restart.</summary>
internal static class OrchestrationServiceFactory
{
    public static AzureStorageOrchestrationService Create(DurableStorageOptions options, ILoggerFactory loggerFactory)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString),
            LoggerFactory = loggerFactory,
            CustomMessageTypeBinder = new SidecarMessageTypeBinder(),

            // Idle queues back off to 30 s by default; a person watching a run locally should not wait that long.
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),

            // A runner killed without a clean stop keeps its partition leases until they expire; short leases let
            // the next start take over in seconds instead of half a minute.
            LeaseInterval = TimeSpan.FromSeconds(10),
            LeaseRenewInterval = TimeSpan.FromSeconds(3),
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),

            // Messages taken by a runner that stopped or died mid-step stay invisible for this long (5 minutes by
            // default) before the next runner sees them; the sidecar cannot hand back work its worker dropped.
            // A step that outlives it may run twice, which activities and orchestrator replays are built for.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(20),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromMinutes(1),
        };

        return new AzureStorageOrchestrationService(settings);
    }
}
