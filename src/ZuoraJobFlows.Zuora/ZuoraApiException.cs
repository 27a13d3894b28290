using System.Net;

namespace ZuoraJobFlows.Zuora;

/// <summary>A call that Zuora answered with an error, or that failed on the way.</summary>
/// <remarks>
/// The message holds Zuora's codes and messages and the request id, never a secret or token.
/// </remarks>
public sealed class ZuoraApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message without secrets.</param>
    /// <param name="statusCode">The HTTP status, or <see langword="null"/> when no response came.</param>
    /// <param name="errors">Zuora's error codes and messages.</param>
    /// <param name="requestId">The <c>Zuora-Request-Id</c> of the response.</param>
    /// <param name="kind">How a caller should treat the failure.</param>
    /// <param name="retryAfter">How long Zuora asked the caller to wait, when it said.</param>
    /// <param name="innerException">The cause.</param>
    public ZuoraApiException(
        string message,
        HttpStatusCode? statusCode,
        IReadOnlyList<ZuoraErrorDetail> errors,
        string? requestId,
        ZuoraFailureKind kind,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Errors = errors;
        RequestId = requestId;
        Kind = kind;
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// The HTTP status, or <see langword="null"/> when no response came (timeout, dropped connection).
    /// </summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Zuora's error codes and messages, from either body shape.</summary>
    public IReadOnlyList<ZuoraErrorDetail> Errors { get; }

    /// <summary>The <c>Zuora-Request-Id</c> of the response.</summary>
    public string? RequestId { get; }

    /// <summary>How a caller should treat the failure.</summary>
    public ZuoraFailureKind Kind { get; }

    /// <summary>
    /// How long Zuora asked the caller to wait (<c>Retry-After</c>, or <c>RateLimit-Reset</c> on a rate-limit refusal).
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether trying the same call again later may succeed.</summary>
    public bool IsTransient => Kind is ZuoraFailureKind.Transient or ZuoraFailureKind.JobLimitReached;

    /// <summary>The first Zuora error code, if any.</summary>
    public string? Code => Errors.Count > 0 ? Errors[0].Code : null;
}

/// <summary>A Zuora error code and message.</summary>
/// <param name="Code">The 8-digit code, when given.</param>
/// <param name="Message">The message.</param>
public sealed record ZuoraErrorDetail(string? Code, string? Message);

/// <summary>How a caller should treat a failed call.</summary>
public enum ZuoraFailureKind
{
    /// <summary>The request is wrong; repeating it will fail again (4xx other than 408 and 429).</summary>
    Permanent,

    /// <summary>Worth repeating later: 408, 429, 5xx, timeouts and dropped connections.</summary>
    Transient,

    /// <summary>The tenant already has the maximum number of active bulk jobs; submit again once one ends.</summary>
    JobLimitReached,

    /// <summary>The thing asked for does not exist (404).</summary>
    NotFound,

    /// <summary>The credentials were refused, even after fetching a new token.</summary>
    Unauthorized,
}
