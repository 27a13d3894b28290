using System.Net;
using ZuoraJobFlows.Zuora.Models;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class UploadTests
{
    private const long FileBytes = 4 * 1024 * 1024;

    [Fact]
    public async Task UploadFileAsync_NonSeekableStream_StreamsMultipartFilePartWithoutBuffering()
    {
        using var host = new ZuoraTestHost();
        host.Handler.RecordBodies = false;
        var source = new CountingReadStream(FileBytes);
        long readBeforeSend = -1;
        using var sink = new WireSinkStream(() => source.BytesRead);
        string? contentType = null;
        long? contentLength = 0;
        host.Handler.Respond = async (request, ct) =>
        {
            readBeforeSend = source.BytesRead;
            contentType = request.Content!.Headers.ContentType?.MediaType;
            contentLength = request.Content.Headers.ContentLength;
            await request.Content.CopyToAsync(sink, ct);
            return RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "in_progress"));
        };

        var job = await host.Client.UploadFileAsync("job-1", source, "cars.csv");

        Assert.Equal(BulkJobStatus.InProgress, job.Status);
        Assert.Equal(0, readBeforeSend);
        Assert.Equal(FileBytes, source.BytesRead);
        Assert.InRange(sink.MaxReadAhead, 0, 256 * 1024);
        Assert.True(sink.BytesWritten > FileBytes);
        Assert.Equal("multipart/form-data", contentType);
        Assert.Null(contentLength);
        Assert.Contains("name=\"file\"", sink.Head, StringComparison.Ordinal);
        Assert.Contains("filename=\"cars.csv\"", sink.Head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/csv", sink.Head, StringComparison.Ordinal);
        Assert.Contains("012345678\n012345678\n", sink.Head, StringComparison.Ordinal);
        Assert.EndsWith("--\r\n", sink.Tail, StringComparison.Ordinal);
        Assert.Equal("/objects/jobs/job-1/files", Assert.Single(host.Handler.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task UploadFileAsync_SeekableStream_SendsContentLengthAndLeavesStreamOpen()
    {
        using var host = new ZuoraTestHost();
        long? contentLength = null;
        host.Handler.Respond = (request, _) =>
        {
            contentLength = request.Content!.Headers.ContentLength;
            return Task.FromResult(
                RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "in_progress")));
        };
        using var file = new MemoryStream("a,b\n1,2\n"u8.ToArray());

        await host.Client.UploadFileAsync("job-1", file, "cars.csv");

        Assert.NotNull(contentLength);
        Assert.True(file.CanRead);
        Assert.Contains("a,b\n1,2\n", Assert.Single(host.Handler.ApiRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadFileAsync_TokenRefusedWithSeekableStream_SendsWholeFileAgainWithNewToken()
    {
        using var host = new ZuoraTestHost();
        host.Handler.Respond = (request, _) => Task.FromResult(
            request.Headers.Authorization!.Parameter == "token-1"
                ? RecordingHandler.Json(HttpStatusCode.Unauthorized, "{}")
                : RecordingHandler.Json(HttpStatusCode.OK, RecordingHandler.JobJson("job-1", "in_progress")));
        using var file = new MemoryStream("header\nrow1\nrow2\n"u8.ToArray());
        file.Position = 7;

        await host.Client.UploadFileAsync("job-1", file, "cars.csv");

        var uploads = host.Handler.ApiRequests;
        Assert.Equal(2, uploads.Count);
        Assert.All(uploads, u => Assert.Contains("row1\nrow2\n", u.Body, StringComparison.Ordinal));
        Assert.All(uploads, u => Assert.DoesNotContain("header", u.Body, StringComparison.Ordinal));
        Assert.Equal("Bearer token-2", uploads[1].Header("Authorization"));
    }

    [Fact]
    public async Task UploadFileAsync_TokenRefusedWithNonSeekableStream_ThrowsTransientAndHasNewTokenReady()
    {
        using var host = new ZuoraTestHost();
        host.Handler.RecordBodies = false;
        host.Handler.Respond = (_, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.Unauthorized, "{}"));

        var exception = await Assert.ThrowsAsync<ZuoraApiException>(
            () => host.Client.UploadFileAsync("job-1", new CountingReadStream(1000), "cars.csv"));

        Assert.Equal(ZuoraFailureKind.Transient, exception.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Single(host.Handler.ApiRequests);
        Assert.Equal(2, host.Handler.TokenRequests);
    }

    [Fact]
    public async Task UploadFileAsync_EmptyJobId_ThrowsArgumentException()
    {
        using var host = new ZuoraTestHost();
        using var file = new MemoryStream();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.Client.UploadFileAsync(" ", file, "a.csv"));

        Assert.Empty(host.Handler.Requests);
    }
}
