using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZuoraJobFlows.Zuora.Json;
using ZuoraJobFlows.Zuora.Logging;

namespace ZuoraJobFlows.Zuora.Http;

/// <summary>
/// Holds one OAuth token (client credentials) and replaces it shortly before it expires or when Zuora refused it.
/// </summary>
/// <remarks>
/// Only one caller fetches a token at a time; concurrent callers wait for that fetch and share its result.
/// </remarks>
internal sealed class ZuoraTokenProvider : IDisposable
{
    private const string TokenPath = "oauth/token";
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ZuoraClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ZuoraTokenProvider> _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile CachedToken? _token;

    public ZuoraTokenProvider(
        IHttpClientFactory httpClientFactory,
        IOptions<ZuoraClientOptions> options,
        TimeProvider timeProvider,
        ILogger<ZuoraTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Returns a usable token, fetching a new one when the cached one is stale or was refused.</summary>
    /// <param name="rejectedToken">A token Zuora just answered 401 to; it is not handed out again.</param>
    /// <param name="cancellationToken">Cancels the wait and the fetch.</param>
    public async ValueTask<string> GetTokenAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        var cached = _token;
        if (IsUsable(cached, rejectedToken))
        {
            return cached!.AccessToken;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = _token;
            if (IsUsable(cached, rejectedToken))
            {
                return cached!.AccessToken;
            }

            var fresh = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            _token = fresh;
            return fresh.AccessToken;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private bool IsUsable(CachedToken? token, string? rejectedToken) =>
        token is not null
        && !string.Equals(token.AccessToken, rejectedToken, StringComparison.Ordinal)
        && _timeProvider.GetUtcNow() < token.RefreshAt;

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", _options.ClientId ?? string.Empty),
                new("client_secret", _options.ClientSecret ?? string.Empty),
            ]),
        };
        request.Headers.Accept.ParseAdd("application/json");

        var client = _httpClientFactory.CreateClient(ZuoraHttpClientNames.Token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (ZuoraCallFailures.IsTransport(exception, cancellationToken))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.TokenRequestFailed(_logger, null, elapsed);
            throw ZuoraTransportFailure.Create(
                "POST", "/" + TokenPath, exception, ZuoraCallFailures.IsTimeout(exception));
        }

        using (response)
        {
            var requestId = ZuoraErrorReader.ReadRequestId(response);
            if (!response.IsSuccessStatusCode)
            {
                var failedAfter = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Log.TokenRequestFailed(_logger, (int)response.StatusCode, failedAfter);
                throw await ZuoraErrorReader.ReadAsync(
                    response, "POST", "/" + TokenPath, _timeProvider.GetUtcNow(), cancellationToken, isTokenCall: true)
                    .ConfigureAwait(false);
            }

            var token = await response.Content.ReadFromJsonAsync<OAuthToken>(ZuoraJson.Options, cancellationToken)
                .ConfigureAwait(false);
            if (string.IsNullOrEmpty(token?.AccessToken))
            {
                throw new ZuoraApiException(
                    "Zuora's token response held no access_token.",
                    response.StatusCode,
                    [],
                    requestId,
                    ZuoraFailureKind.Unauthorized);
            }

            var lifetime = token.ExpiresIn is > 0 ? TimeSpan.FromSeconds(token.ExpiresIn.Value) : DefaultLifetime;

            // A margin longer than half the lifetime (short-lived test tokens) would make every call fetch a token.
            var margin = _options.TokenRefreshMargin < lifetime / 2 ? _options.TokenRefreshMargin : lifetime / 2;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var lifetimeSeconds = lifetime.TotalSeconds;
            Log.TokenAcquired(_logger, lifetimeSeconds, elapsed, requestId);
            return new CachedToken(token.AccessToken, _timeProvider.GetUtcNow() + lifetime - margin);
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt)
    {
        // Records print their members; this one holds a secret.
        public override string ToString() => $"token refreshing at {RefreshAt:O}";
    }
}
