using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>Checks what a run needs before anything is uploaded, and names the cause of what is missing.</summary>
internal static class EnvironmentChecks
{
    public static async Task RequireStorageAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RequestFailedException or HttpRequestException
                                              or AggregateException)
        {
            throw new EnvironmentException(
                $"Blob storage is unreachable at {container.Uri.GetLeftPart(UriPartial.Authority)} " +
                $"({Reason(exception)}). Start Azurite (./run-local.sh starts it) or set AzureWebJobsStorage.",
                exception);
        }
    }

    /// <summary>Asks Zuora for a token: proves the URL answers and the client credentials are accepted.</summary>
    public static async Task RequireZuoraAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var baseUrl = configuration["Zuora:BaseUrl"];
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri))
        {
            throw new EnvironmentException("Zuora__BaseUrl is not an absolute URL.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = configuration["Zuora:ClientId"] ?? "",
            ["client_secret"] = configuration["Zuora:ClientSecret"] ?? "",
        });

        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(baseUri, "oauth/token"), form, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException
                                              or TaskCanceledException { InnerException: TimeoutException })
        {
            throw new EnvironmentException(
                $"Zuora is unreachable at {baseUri} ({Reason(exception)}). Start the emulator " +
                "(./run-local.sh starts it) or set Zuora__BaseUrl to your Zuora tenant.", exception);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest
                or HttpStatusCode.Forbidden)
            {
                throw new EnvironmentException(
                    $"Zuora at {baseUri} refused the OAuth client credentials (HTTP {(int)response.StatusCode}); " +
                    "check Zuora__ClientId and Zuora__ClientSecret.");
            }
        }
    }

    private static string Reason(Exception exception) =>
        (exception.InnerException ?? exception).Message.Split('\n')[0].Trim();
}
