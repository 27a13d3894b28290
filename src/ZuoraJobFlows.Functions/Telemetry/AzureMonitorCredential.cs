using Azure.Core;
using Azure.Identity;

namespace ZuoraJobFlows.Functions.Telemetry;

/// <summary>
/// Reads <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD;ClientId=...</c>), the setting
/// the Functions host uses for Entra ID ingestion, so the worker's exporter authenticates the same way.
/// </summary>
public static class AzureMonitorCredential
{
    /// <returns>A managed identity credential when the string asks for AAD; null for key-based ingestion.</returns>
    public static TokenCredential? FromAuthenticationString(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        string? authorization = null;
        string? clientId = null;
        foreach (var part in authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                continue;
            }

            if (pair[0].Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = pair[1];
            }
            else if (pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            {
                clientId = pair[1];
            }
        }

        if (!string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var identity = string.IsNullOrEmpty(clientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(clientId);
        return new ManagedIdentityCredential(identity);
    }
}
