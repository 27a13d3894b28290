using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>
/// Delivers the Event Grid BlobCreated notification to a <c>func start</c> host, the way Event Grid does in Azure
/// for a blob trigger with <c>Source = BlobTriggerSource.EventGrid</c>.
/// </summary>
internal static class EventGridNotifier
{
    public const string FunctionName = "Host.Functions.ImportOnBlobCreated";

    public static async Task NotifyAsync(
        Uri functionsHost,
        UploadedBlob uploaded,
        string containerName,
        CancellationToken cancellationToken)
    {
        var blob = uploaded.Blob;
        var eventBody = new[]
        {
            new BlobCreatedEvent(
                Id: Guid.NewGuid().ToString(),
                Topic: $"/subscriptions/local/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/" +
                    blob.AccountName,
                Subject: $"/blobServices/default/containers/{containerName}/blobs/{blob.Name}",
                EventType: "Microsoft.Storage.BlobCreated",
                EventTime: DateTimeOffset.UtcNow,
                Data: new BlobCreatedData(
                    Api: "PutBlob",
                    ETag: uploaded.ETag.Trim('"'),
                    ContentType: "text/csv",
                    ContentLength: uploaded.Length,
                    BlobType: "BlockBlob",
                    Url: blob.Uri.ToString())),
        };

        var target = new Uri(functionsHost,
            $"runtime/webhooks/blobs?functionName={Uri.EscapeDataString(FunctionName)}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = JsonContent.Create(eventBody) };
        request.Headers.Add("aeg-event-type", "Notification");

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new EnvironmentException(
                $"The Functions host at {functionsHost} is unreachable ({exception.Message}); is `func start` running?",
                exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new EnvironmentException(
                    $"The Functions host at {functionsHost} refused the blob-created event: " +
                    $"HTTP {(int)response.StatusCode}.");
            }
        }
    }

    private sealed record BlobCreatedEvent(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("topic")] string Topic,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("eventType")] string EventType,
        [property: JsonPropertyName("eventTime")] DateTimeOffset EventTime,
        [property: JsonPropertyName("data")] BlobCreatedData Data)
    {
        [JsonPropertyName("dataVersion")]
        public string DataVersion { get; init; } = "";

        [JsonPropertyName("metadataVersion")]
        public string MetadataVersion { get; init; } = "1";
    }

    private sealed record BlobCreatedData(
        [property: JsonPropertyName("api")] string Api,
        [property: JsonPropertyName("eTag")] string ETag,
        [property: JsonPropertyName("contentType")] string ContentType,
        [property: JsonPropertyName("contentLength")] long ContentLength,
        [property: JsonPropertyName("blobType")] string BlobType,
        [property: JsonPropertyName("url")] string Url);
}
