using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ZuoraJobFlows.Zuora.Tests.Support;

/// <summary>
/// A stub primary handler: answers token requests itself (token-1, token-2, ...) and every other request with
/// <see cref="Respond"/>, recording what it saw.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _tokensIssued;

    /// <summary>Answers API requests; the default answers 200 with a pending job.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (_, _) => Task.FromResult(Json(HttpStatusCode.OK, JobJson("job-1", "pending")));

    /// <summary>Answers token requests; by default token-N valid for <see cref="TokenLifetimeSeconds"/>.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? RespondToToken { get; set; }

    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Whether request bodies are read into <see cref="RecordedRequest.Body"/> (off for uploads).</summary>
    public bool RecordBodies { get; set; } = true;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> ApiRequests => [.. _requests.Where(r => !IsToken(r.Uri))];

    public int TokenRequests => _requests.Count(r => IsToken(r.Uri));

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string JobJson(string id, string status) =>
        $$"""
        { "id": "{{id}}", "object": "vehicle", "operation": "create", "namespace": "default", "status": "{{status}}" }
        """;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(
            h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = RecordBodies && request.Content is not null
            ? await request.Content.ReadAsStringAsync(cancellationToken)
            : null;
        _requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, headers, body));

        if (IsToken(request.RequestUri!))
        {
            return RespondToToken is null ? IssueToken() : await RespondToToken(request, cancellationToken);
        }

        var response = await Respond(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }

    public HttpResponseMessage IssueToken()
    {
        var number = Interlocked.Increment(ref _tokensIssued);
        return Json(
            HttpStatusCode.OK,
            $$"""
            { "access_token": "token-{{number}}", "token_type": "bearer", "expires_in": {{TokenLifetimeSeconds}} }
            """);
    }

    private static bool IsToken(Uri uri) => uri.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal);
}
