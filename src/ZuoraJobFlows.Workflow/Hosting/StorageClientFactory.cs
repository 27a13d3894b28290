using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace ZuoraJobFlows.Workflow.Hosting;

/// <summary>
/// Builds the <see cref="BlobServiceClient"/> from the <c>AzureWebJobsStorage</c> setting the Functions host uses:
/// a connection string (also <c>UseDevelopmentStorage=true</c>), or the identity-based form
/// (<c>__blobServiceUri</c> or <c>__accountName</c>, with <c>__credential=managedidentity</c> and <c>__clientId</c>).
/// </summary>
public static class StorageClientFactory
{
    public const string SettingName = "AzureWebJobsStorage";

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BlobServiceClient(connectionString);
        }

        var section = configuration.GetSection(SettingName);
        var serviceUri = section["blobServiceUri"]
            ?? (section["accountName"] is { Length: > 0 } account ? $"https://{account}.blob.core.windows.net" : null);
        if (string.IsNullOrWhiteSpace(serviceUri))
        {
            throw new InvalidOperationException(
                $"Set '{SettingName}' to a storage connection string (or UseDevelopmentStorage=true for Azurite), "
                + $"or '{SettingName}__blobServiceUri' with '{SettingName}__credential=managedidentity'.");
        }

        return new BlobServiceClient(new Uri(serviceUri), CreateCredential(section));
    }

    private static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
