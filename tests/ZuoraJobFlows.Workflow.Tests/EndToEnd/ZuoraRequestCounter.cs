using System.Collections.Concurrent;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>The Zuora requests a test host sent, in order, each with its answer's status (0: no answer).</summary>
internal sealed class ZuoraRequestCounter
{
    private readonly ConcurrentQueue<ZuoraRequest> _requests = new();

    public IReadOnlyList<ZuoraRequest> All => [.. _requests];

    public int Count(Func<ZuoraRequest, bool> match) => _requests.Count(match);

    public void Add(HttpRequestMessage request, int status) => _requests.Enqueue(new ZuoraRequest(
        request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty, status, DateTimeOffset.UtcNow));
}

internal sealed record ZuoraRequest(string Method, string Path, int Status, DateTimeOffset At);
