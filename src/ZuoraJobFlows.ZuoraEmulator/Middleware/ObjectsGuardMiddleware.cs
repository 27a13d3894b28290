using System.Globalization;
using ZuoraJobFlows.ZuoraEmulator.Endpoints;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Middleware;

/// <summary>
/// In front of every <c>/objects/*</c> call, in this order: the rate limit (with <c>RateLimit-*</c> headers on
/// every answer, 429 and <c>Retry-After</c> past it), injected faults (500/503 before anything is done), and the
/// bearer token (401 when missing, wrong or expired).
/// </summary>
internal sealed class ObjectsGuardMiddleware(
    RequestDelegate next,
    EmulatorOptions options,
    RateLimitWindow rateLimit,
    TokenStore tokens,
    ILogger<ObjectsGuardMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/objects", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var decision = rateLimit.Take();
        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            headers.RetryAfter = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
            await Answer(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                "Too many requests: the limit is " + decision.Limit + " requests per minute.");
            return;
        }

        var faultRate = options.FaultRate;
        if (faultRate > 0 && Random.Shared.NextDouble() < faultRate)
        {
            var unavailable = Random.Shared.Next(2) == 0;
            var status = unavailable
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError;
            Log.FaultInjected(logger, status, context.Items[RequestContextMiddleware.RequestIdHeader] as string ?? "");
            await Answer(context, status, unavailable ? ErrorCodes.TemporaryError : ErrorCodes.InternalError,
                unavailable ? "Service temporarily unavailable (injected fault)." : "Internal error (injected fault).");
            return;
        }

        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || !tokens.IsValid(authorization[scheme.Length..].Trim()))
        {
            await Answer(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                "This resource is protected; send a valid, unexpired bearer token.");
            return;
        }

        await next(context);
    }

    private static Task Answer(HttpContext context, int status, string code, string message) =>
        ApiAnswer.Error(status, code, message).ToResult().ExecuteAsync(context);
}
