using Microsoft.Extensions.Configuration;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>
/// Settings for the local runner: local-friendly defaults, then environment variables (DESIGN.md names such as
/// <c>Zuora__BaseUrl</c>), then explicit overrides (tests).
/// </summary>
internal static class LocalConfiguration
{
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["DurableTask:HubName"] = DurableStorageOptions.DefaultTaskHubName,
        ["Zuora:BaseUrl"] = "http://127.0.0.1:7080",
        ["Zuora:ClientId"] = "local-client",
        ["Zuora:ClientSecret"] = "local-secret",
        ["Imports:InputContainer"] = "zuora-imports",
        ["Imports:OutputContainer"] = "zuora-results",
        ["Polling:InitialDelay"] = "00:00:01",
        ["Polling:MaxDelay"] = "00:00:15",
        ["Polling:Timeout"] = "1.00:00:00",
        ["Watcher:Interval"] = "00:00:01",
        ["Api:Url"] = "http://127.0.0.1:7071",
    };

    public static IConfiguration Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Defaults)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();
}
