using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Local.Cli;

namespace ZuoraJobFlows.Local.Tests;

public sealed class EventGridNotifierTests
{
    [Fact]
    public async Task NotifyAsync_UploadedBlob_PostsBlobCreatedEventToTheBlobsWebhook()
    {
        string? query = null;
        string? eventType = null;
        JsonElement body = default;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var host = builder.Build();
        host.MapPost("/runtime/webhooks/blobs", async (HttpRequest request) =>
        {
            query = request.QueryString.Value;
            eventType = request.Headers["aeg-event-type"];
            body = (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone();
            return Results.Accepted();
        });
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var blob = new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient("zuora-imports")
            .GetBlobClient("create/vehicle/my cars.csv");

        await EventGridNotifier.NotifyAsync(new Uri(address + "/"), new UploadedBlob(blob, "\"0x8DE1\"", 42),
            "zuora-imports", CancellationToken.None);

        Assert.Equal("?functionName=Host.Functions.ImportOnBlobCreated", query);
        Assert.Equal("Notification", eventType);
        var notification = Assert.Single(body.EnumerateArray());
        Assert.Equal("Microsoft.Storage.BlobCreated", notification.GetProperty("eventType").GetString());
        Assert.Equal("/blobServices/default/containers/zuora-imports/blobs/create/vehicle/my cars.csv",
            notification.GetProperty("subject").GetString());
        var data = notification.GetProperty("data");
        Assert.Equal("0x8DE1", data.GetProperty("eTag").GetString());
        Assert.Equal(42, data.GetProperty("contentLength").GetInt64());
        Assert.Equal(blob.Uri.ToString(), data.GetProperty("url").GetString());
    }
}
