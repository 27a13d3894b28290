using System.Collections.Concurrent;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>The Zuora requests a test host sent, in order, each with its answer's status (0: no answer).</summary>
internal sealed class ZuoraRequestCounter
{
    private readonly ConcurrentQueue<ZuoraRequest> _requests = new();
    private readonly ConcurrentQueue<byte[]> _uploads = new();

    /// <summary>When set, the file of every upload is kept (buffered first, so only for small test files).</summary>
    public bool CaptureUploads { get; set; }

    /// <summary>The files of the uploads sent, when <see cref="CaptureUploads"/> is set.</summary>
    public IReadOnlyList<byte[]> Uploads => [.. _uploads];

    public IReadOnlyList<ZuoraRequest> All => [.. _requests];

    public int Count(Func<ZuoraRequest, bool> match) => _requests.Count(match);

    public async Task CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!CaptureUploads || request.Method != HttpMethod.Post || request.Content is null
            || request.RequestUri?.AbsolutePath.EndsWith("/files", StringComparison.Ordinal) != true)
        {
            return;
        }

        await request.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var boundary = request.Content.Headers.ContentType!.Parameters
            .First(p => p.Name == "boundary").Value!.Trim('"');
        var start = body.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        var end = body.AsSpan().LastIndexOf(System.Text.Encoding.ASCII.GetBytes("\r\n--" + boundary));
        _uploads.Enqueue(body[start..end]);
    }

    /// <summary>Runs before each request is sent, e.g. to change the emulator at an exact moment.</summary>
    public Func<HttpRequestMessage, Task>? BeforeSend { get; set; }

    public void Add(HttpRequestMessage request, int status, TimeSpan? retryAfter = null) => _requests.Enqueue(
        new ZuoraRequest(request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty, status,
            DateTimeOffset.UtcNow, retryAfter));
}

internal sealed record ZuoraRequest(string Method, string Path, int Status, DateTimeOffset At, TimeSpan? RetryAfter);
