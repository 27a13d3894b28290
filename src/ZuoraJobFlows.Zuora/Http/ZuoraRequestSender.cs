using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZuoraJobFlows.Zuora.Json;
using ZuoraJobFlows.Zuora.Logging;

namespace ZuoraJobFlows.Zuora.Http;

/// <summary>
/// Sends one <see cref="ZuoraCall"/>: adds the token and headers, sends it again once with a new token after a 401,
/// and turns error answers and wire failures into <see cref="ZuoraApiException"/>.
/// </summary>
internal sealed class ZuoraRequestSender
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ZuoraTokenProvider _tokens;
    private readonly ZuoraClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ZuoraRequestSender> _logger;

    public ZuoraRequestSender(
        IHttpClientFactory httpClientFactory,
        ZuoraTokenProvider tokens,
        IOptions<ZuoraClientOptions> options,
        TimeProvider timeProvider,
        ILogger<ZuoraRequestSender> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Sends the call and returns a successful response; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendAsync(ZuoraCall call, CancellationToken cancellationToken)
    {
        TrackIdValidator.Validate(call.Options?.TrackId);

        var token = await _tokens.GetTokenAsync(null, cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(call, token, cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            if (!call.CanResend)
            {
                throw await UnrepeatableUnauthorizedAsync(call, response, token, cancellationToken)
                    .ConfigureAwait(false);
            }

            response.Dispose();
            Log.TokenRejected(_logger, call.Method.Method, call.LogPath);
            token = await _tokens.GetTokenAsync(token, cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(call, token, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ZuoraErrorReader.ReadAsync(
                    response, call.Method.Method, call.LogPath, _timeProvider.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>Sends the call and reads the JSON body of its successful response.</summary>
    public async Task<(T Value, string? RequestId)> SendForJsonAsync<T>(
        ZuoraCall call,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        var requestId = ZuoraErrorReader.ReadRequestId(response);
        var value = await ReadJsonAsync<T>(call, response, requestId, cancellationToken).ConfigureAwait(false);
        return (value, requestId);
    }

    private static async Task<T> ReadJsonAsync<T>(
        ZuoraCall call,
        HttpResponseMessage response,
        string? requestId,
        CancellationToken cancellationToken)
    {
        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(ZuoraJson.Options, cancellationToken)
                .ConfigureAwait(false);
            return value ?? throw new JsonException("The body was JSON null.");
        }
        catch (JsonException exception)
        {
            throw new ZuoraApiException(
                $"Zuora answered {call.Method} {call.LogPath} with a body that is not a {typeof(T).Name} "
                    + $"(Zuora-Request-Id {requestId}).",
                response.StatusCode,
                [],
                requestId,
                ZuoraFailureKind.Permanent,
                innerException: exception);
        }
        catch (Exception exception) when (ZuoraCallFailures.IsTransport(exception, cancellationToken))
        {
            throw ZuoraTransportFailure.Create(
                call.Method.Method, call.LogPath, exception, ZuoraCallFailures.IsTimeout(exception));
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        ZuoraCall call,
        string token,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var request = CreateRequest(call, token);
        var client = _httpClientFactory.CreateClient(call.ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, call.Completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (ZuoraCallFailures.IsTransport(exception, cancellationToken))
        {
            request.Dispose();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.RequestGotNoResponse(_logger, call.Method.Method, call.LogPath, elapsed, exception.GetType().Name);
            throw ZuoraTransportFailure.Create(
                call.Method.Method, call.LogPath, exception, ZuoraCallFailures.IsTimeout(exception));
        }
        catch
        {
            request.Dispose();
            throw;
        }

        LogAnswer(call, response, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    private HttpRequestMessage CreateRequest(ZuoraCall call, string token)
    {
        var request = new HttpRequestMessage(call.Method, call.RequestUri) { Content = call.CreateContent?.Invoke() };
        var headers = request.Headers;
        headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        AddIfSet(headers, ZuoraHeaders.EntityIds, _options.EntityIds);
        AddIfSet(headers, ZuoraHeaders.OrgIds, _options.OrgIds);
        AddIfSet(headers, ZuoraHeaders.Version, _options.Version);
        AddIfSet(headers, ZuoraHeaders.TrackId, call.Options?.TrackId);
        if (call.ExpectContinue)
        {
            headers.ExpectContinue = true;
        }

        // Zuora honours idempotency keys on the calls that change something; a GET has nothing to replay.
        if (call.Method == HttpMethod.Post || call.Method == HttpMethod.Patch)
        {
            AddIfSet(headers, ZuoraHeaders.IdempotencyKey, call.Options?.IdempotencyKey);
        }

        return request;
    }

    private static void AddIfSet(HttpRequestHeaders headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }

    private void LogAnswer(ZuoraCall call, HttpResponseMessage response, double elapsedMs)
    {
        var requestId = ZuoraErrorReader.ReadRequestId(response);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            Log.RequestCompleted(_logger, call.Method.Method, call.LogPath, status, elapsedMs, requestId);
            return;
        }

        var level = status >= 500 || status == 429 ? LogLevel.Warning : LogLevel.Information;
        Log.RequestFailed(_logger, level, call.Method.Method, call.LogPath, status, null, elapsedMs, requestId);
    }

    // The body was streamed from the caller and cannot be sent again. A fresh token is fetched now so the caller's
    // own retry (with a re-opened stream) succeeds; the failure is reported as transient for that reason.
    private async Task<ZuoraApiException> UnrepeatableUnauthorizedAsync(
        ZuoraCall call,
        HttpResponseMessage response,
        string rejectedToken,
        CancellationToken cancellationToken)
    {
        using (response)
        {
            Log.UnrepeatableTokenRejected(_logger, call.Method.Method, call.LogPath);
            var refused = await ZuoraErrorReader.ReadAsync(
                response, call.Method.Method, call.LogPath, _timeProvider.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);

            await _tokens.GetTokenAsync(rejectedToken, cancellationToken).ConfigureAwait(false);

            return new ZuoraApiException(
                refused.Message + " The body stream cannot be rewound, so the call was not sent again with the new "
                    + "token; send it again with a fresh stream.",
                refused.StatusCode,
                refused.Errors,
                refused.RequestId,
                ZuoraFailureKind.Transient,
                refused.RetryAfter);
        }
    }
}
