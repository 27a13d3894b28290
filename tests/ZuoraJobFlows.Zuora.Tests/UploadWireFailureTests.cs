using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

/// <summary>
/// Uploads failing on a real socket: a front end that refuses before reading the file, and a connection lost while
/// the file is sent. Both must end promptly as transient failures, never wait for <c>UploadTimeout</c>.
/// </summary>
public sealed class UploadWireFailureTests
{
    // Far more than loopback socket buffers hold, so a client that insists on sending it all would block.
    private const long FileBytes = 256L * 1024 * 1024;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task UploadFileAsync_ServerAnswers503BeforeReadingBody_FailsFastAsTransientWithoutSendingFile()
    {
        string? head = null;
        await using var server = new RawHttpServer(async request =>
        {
            head = request.Head;

            // Answers and then neither reads the body nor closes, like a busy front end holding the connection.
            await request.AnswerAsync(503, "Service Unavailable",
                """{ "success": false, "reasons": [ { "code": "90000061", "message": "Try later" } ] }""");
        });
        await using var client = ClientFor(server);
        var source = new CountingReadStream(FileBytes);

        var exception = await UploadExpectingFailureAsync(client.Zuora, source);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.Equal("90000061", exception.Code);
        Assert.Contains("Expect: 100-continue", head, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(source.BytesRead, 0, 1024 * 1024);
    }

    [Fact]
    public async Task UploadFileAsync_ConnectionResetWhileFileIsSent_FailsFastAsTransientWithoutStatus()
    {
        long received = 0;
        await using var server = new RawHttpServer(async request =>
        {
            if (request.ExpectsContinue)
            {
                await request.ContinueAsync();
            }

            received = await request.ReadBodyAsync(512 * 1024);
            request.Reset();
        });
        await using var client = ClientFor(server);
        var source = new CountingReadStream(FileBytes);

        var exception = await UploadExpectingFailureAsync(client.Zuora, source);

        Assert.Null(exception.StatusCode);
        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.True(exception.IsTransient);
        Assert.Equal(512 * 1024, received);
        Assert.True(source.BytesRead < FileBytes, "The whole file was read although the connection was gone.");
    }

    private static async Task<ZuoraApiException> UploadExpectingFailureAsync(IZuoraClient zuora, Stream source)
    {
        var upload = zuora.UploadFileAsync("job-1", source, "cars.csv");
        var first = await Task.WhenAny(upload, Task.Delay(Deadline));
        Assert.True(first == upload, $"The upload did not end within {Deadline}.");
        return await Assert.ThrowsAsync<ZuoraApiException>(() => upload);
    }

    private static WireClient ClientFor(RawHttpServer server)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddZuoraClient(options =>
        {
            options.BaseUrl = server.BaseUrl;
            options.ClientId = "client-id";
            options.ClientSecret = "client-secret";
            options.UploadTimeout = TimeSpan.FromMinutes(2);
        });
        return new WireClient(services.BuildServiceProvider());
    }

    private sealed class WireClient(ServiceProvider provider) : IAsyncDisposable
    {
        public IZuoraClient Zuora { get; } = provider.GetRequiredService<IZuoraClient>();

        public ValueTask DisposeAsync() => provider.DisposeAsync();
    }
}
