using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>Where the durable state lives: the storage account and the task hub inside it.</summary>
internal sealed partial record DurableStorageOptions(string ConnectionString, string TaskHubName)
{
    public const string DefaultTaskHubName = "ZuoraJobFlowsLocal";

    // The Azure SDKs accept the shortcut, but DurableTask.AzureStorage and the Azure CLI are happier with the
    // full development connection string, so it is expanded once here.
    public const string DevelopmentConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static DurableStorageOptions From(IConfiguration configuration)
    {
        var connection = configuration["AzureWebJobsStorage"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException(
                "AzureWebJobsStorage is not set; use UseDevelopmentStorage=true or a storage connection string.");
        }

        var hubName = configuration["DurableTask:HubName"];
        if (string.IsNullOrWhiteSpace(hubName))
        {
            hubName = DefaultTaskHubName;
        }

        if (!TaskHubNamePattern().IsMatch(hubName))
        {
            throw new InvalidOperationException(
                "DurableTask__HubName must be 3 to 45 letters and digits, starting with a letter.");
        }

        return new DurableStorageOptions(ExpandConnectionString(connection), hubName);
    }

    public static string ExpandConnectionString(string connectionString) =>
        connectionString.Trim().TrimEnd(';').Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            ? DevelopmentConnectionString
            : connectionString;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubNamePattern();
}
