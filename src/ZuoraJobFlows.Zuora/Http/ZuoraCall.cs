namespace ZuoraJobFlows.Zuora.Http;

/// <summary>One logical Zuora call, which may be sent twice (after a refused token).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path without query, relative to the base address; also what the logs show.</param>
/// <param name="Options">Per-call headers.</param>
internal sealed record ZuoraCall(HttpMethod Method, string Path, ZuoraRequestOptions? Options)
{
    public string? Query { get; init; }

    public string ClientName { get; init; } = ZuoraHttpClientNames.Api;

    /// <summary>Creates the body for each send; <see langword="null"/> for calls without one.</summary>
    public Func<HttpContent>? CreateContent { get; init; }

    /// <summary>Whether the body can be produced again for a second send.</summary>
    public bool CanResend { get; init; } = true;

    public HttpCompletionOption Completion { get; init; } = HttpCompletionOption.ResponseContentRead;

    /// <summary>
    /// Whether to send <c>Expect: 100-continue</c>, so a server refusing the call up front (401, 429, 5xx) answers
    /// before the body is on the wire instead of after it, or never, when it stops reading.
    /// </summary>
    public bool ExpectContinue { get; init; }

    public string LogPath => "/" + Path;

    public string RequestUri => Query is null ? Path : Path + "?" + Query;
}
