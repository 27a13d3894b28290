using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using ZuoraJobFlows.Local.Hosting;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Blob clients for the CLI: fail fast when storage is down, so the user hears about it at once.</summary>
internal static class StorageClients
{
    public static BlobServiceClient Create(IConfiguration configuration)
    {
        var connection = configuration["AzureWebJobsStorage"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new EnvironmentException(
                "AzureWebJobsStorage is not set; use UseDevelopmentStorage=true or a storage connection string.");
        }

        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        try
        {
            return new BlobServiceClient(DurableStorageOptions.ExpandConnectionString(connection), options);
        }
        catch (FormatException exception)
        {
            throw new EnvironmentException("AzureWebJobsStorage is not a valid storage connection string.", exception);
        }
    }

    public static BlobContainerClient Input(BlobServiceClient service, IConfiguration configuration) =>
        service.GetBlobContainerClient(configuration["Imports:InputContainer"] ?? "zuora-imports");

    public static BlobContainerClient Output(BlobServiceClient service, IConfiguration configuration) =>
        service.GetBlobContainerClient(configuration["Imports:OutputContainer"] ?? "zuora-results");
}
